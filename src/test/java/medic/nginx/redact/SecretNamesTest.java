package medic.nginx.redact;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which names hold secrets, and which only look like they might. */
class SecretNamesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "DB_PASSWORD, true", "db_pass, true", "pwd, true", "x-api-key, true", "apiKey, true", "AccountKey, true",
            "aws_secret_access_key, true", "$jwt_secret, true", "client_secret, true", "X-Auth-Token, true",
            "access_token, true", "_authToken, true", "JSESSIONID, true", "PHPSESSID, true", "connect.sid, true",
            "X-Amz-Signature, true", "X-Amz-Credential, true", "sig, true", "key, true", "passphrase, true",
            "$http_authorization, true", "$http_x_api_key, true", "$cookie_session, true", "secret_id, true",
            "proxy_pass, false", "fastcgi_pass, false", "server_tokens, false", "ssl_session_cache, false",
            "ssl_certificate_key, false", "ssl_password_file, false", "auth_basic, false", "keys_zone, false",
            "proxy_cache_key, false", "token_ttl, false", "session_timeout, false", "key_file, false",
            "access_key_id, false", "public_key, false", "$connection_upgrade, false", "$http_upgrade, false",
            "max_fails, false", "keepalive_timeout, false", "bypass, false", "code, false", "upstream, false"})
    void recognises_secret_names(String name, boolean secret) {
        assertEquals(secret, SecretNames.isSecret(name));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"code, true", "ticket, true", "token, true", "page, false", "state, false", "sort, false"})
    void query_parameters_add_oauth_codes_and_tickets(String name, boolean secret) {
        assertEquals(secret, SecretNames.isSecretQueryParameter(name));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "Authorization, true", "Proxy-Authorization, true", "Cookie, true", "Set-Cookie, true", "X-Api-Key, true",
            "apikey, true", "X-Session, true", "X-Hub-Signature, true", "PHP_AUTH_PW, true",
            "Access-Control-Allow-Credentials, false", "WWW-Authenticate, false", "Sec-WebSocket-Key, false",
            "Public-Key-Pins, false", "AUTH_TYPE, false", "Upgrade, false", "Host, false", "X-Forwarded-For, false"})
    void recognises_credential_headers(String header, boolean credential) {
        assertEquals(credential, SecretNames.isCredentialHeader(header));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "DB_PASSWORD, PASSWORD", "aws_secret_access_key, AWS_SECRET_KEY", "x-api-key, API_KEY",
            "session, SESSION", "X-Amz-Signature, SIGNATURE", "access_token, TOKEN", "client_secret, SECRET",
            "Cookie, COOKIE", "Authorization, AUTHORIZATION"})
    void names_the_kind_of_secret(String name, SecretKind kind) {
        assertEquals(kind, SecretNames.kindFor(name));
    }
}

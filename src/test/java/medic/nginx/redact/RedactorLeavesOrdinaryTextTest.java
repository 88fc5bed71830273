package medic.nginx.redact;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Ordinary nginx configuration, log and command text that looks secret-ish but is not: it must pass unchanged. */
class RedactorLeavesOrdinaryTextTest {

    static Stream<String> ordinary() {
        return Stream.of(
                "proxy_set_header Connection $connection_upgrade;",
                "proxy_set_header Authorization $http_authorization;",
                "proxy_set_header Cookie $http_cookie;",
                "fastcgi_param HTTP_AUTHORIZATION $http_authorization;",
                "proxy_set_header X-Original-Token $http_x_auth_token;",
                "auth_request_set $auth_session $upstream_http_x_session_id;",
                "proxy_read_timeout 3600s;",
                "ssl_certificate_key /etc/ssl/private/site.key;",
                "ssl_password_file /etc/nginx/ssl/passphrases.txt;",
                "ssl_session_ticket_key /etc/nginx/ssl/ticket.key;",
                "auth_basic \"Restricted area\";",
                "auth_basic_user_file /etc/nginx/.htpasswd;",
                "proxy_cache_key $scheme$host$request_uri;",
                "set $cache_key $scheme$host$request_uri;",
                "proxy_cache_path /var/cache/nginx levels=1:2 keys_zone=api_cache:10m inactive=60m;",
                "ssl_session_cache shared:SSL:10m;",
                "ssl_ciphers ECDHE-RSA-AES128-GCM-SHA256:!aNULL:!MD5:!PSK;",
                "listen [::]:443 ssl http2;",
                "add_header WWW-Authenticate 'Basic realm=\"api\"' always;",
                "add_header Access-Control-Allow-Credentials true always;",
                "add_header Access-Control-Allow-Headers \"Authorization, X-Api-Key\" always;",
                "add_header Strict-Transport-Security \"max-age=63072000; includeSubDomains\" always;",
                "log_format main 'token=$arg_token auth=\"$http_authorization\" rt=$request_time';",
                "return 301 https://$host$request_uri;",
                "proxy_pass http://app_backend/api/v$ver/$rest$is_args$args;",
                "secure_link $arg_md5,$arg_expires;",
                "sticky cookie srv_id expires=1h domain=.example.test path=/;",
                "map $http_upgrade $connection_upgrade { default upgrade; '' \"\"; }",
                "map $cookie_session $backend { default app; }",
                "content_by_lua_block { local token = ngx.var.http_x_token\n if token:find(\"}\") then ngx.exit(400) end }",
                "ngx.header[\"X-Checked\"] = \"yes\"",
                "2026/11/23 23:03:42 [error] 10470#10470: *14 user \"bob\": password mismatch, client: 127.0.0.1, "
                        + "server: api.example.test, request: \"GET /admin/ HTTP/1.1\", host: \"api.example.test\"",
                "2026/11/23 23:03:42 [info] 10470#10470: *15 no user/password was provided for basic authentication",
                "upstream: \"http://10.0.0.5:8080/api/v1/users/8f14e45fceea167a5a36dedd4bea2543\"",
                "2026/11/23 10:00:00 [emerg] 1#1: cannot load certificate key \"/etc/ssl/x.key\": "
                        + "PEM_read_bio_PrivateKey() failed (SSL: error:1E08010C:DECODER routines::unsupported)",
                "SSL_do_handshake() failed (SSL: error:0A000086:SSL routines::certificate verify failed)",
                "-----BEGIN CERTIFICATE-----\nMIIDdzCCAl+gAwIBAgIEAgAAuTANBgkqhkiG9w0BAQUFADBa\n-----END CERTIFICATE-----",
                "< X-Request-Id: 5f0c2a9e8b7d4c3a9e1f0b2c3d4e5f60",
                "PWD=/srv/app",
                "token_ttl=3600 session_timeout=30m key_file=/etc/app/key.pem",
                "Bearer token missing; Basic authentication required",
                "http://deploy@git.example.test/repo.git",
                "docker run -u 1000:1000 -p 8080:80 nginx:1.22; uname -a; ps -u root; ls --color auto",
                "\"upstream_status\":\"502, 502\",\"request_id\":\"5f0c2a9e8b7d4c3a\"");
    }

    @ParameterizedTest
    @MethodSource("ordinary")
    void config_mode_leaves_it_unchanged(String text) {
        assertUnchanged(Mode.CONFIG, text);
    }

    @ParameterizedTest
    @MethodSource("ordinary")
    void log_mode_leaves_it_unchanged(String text) {
        assertUnchanged(Mode.LOG, text);
    }

    @ParameterizedTest
    @MethodSource("ordinary")
    void text_mode_leaves_it_unchanged(String text) {
        assertUnchanged(Mode.TEXT, text);
    }

    private static void assertUnchanged(Mode mode, String text) {
        Redaction redaction = mode.redact(text);
        assertEquals(text, redaction.text());
        assertEquals(0, redaction.maskedCount());
    }
}

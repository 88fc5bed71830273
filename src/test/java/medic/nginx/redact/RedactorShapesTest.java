package medic.nginx.redact;

import static medic.nginx.redact.Mode.CONFIG;
import static medic.nginx.redact.Mode.LOG;
import static medic.nginx.redact.Mode.TEXT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One row per secret shape: the input, the entry point, and the exact redacted text expected. */
class RedactorShapesTest {

    static Stream<Arguments> shapes() {
        return Stream.of(
                // configuration structure
                row("Authorization header keeps Basic", CONFIG,
                        "proxy_set_header Authorization \"Basic ZGVwbG95OlM0bmRib3gtOTk=\";",
                        "proxy_set_header Authorization \"Basic <redacted:basic-auth>\";"),
                row("Proxy-Authorization header", CONFIG,
                        "proxy_set_header Proxy-Authorization \"Bearer 9f8e7d6c5b4a39281706f5e4\";",
                        "proxy_set_header Proxy-Authorization \"Bearer <redacted:bearer-token>\";"),
                row("api key header unquoted", CONFIG,
                        "proxy_set_header X-Api-Key 4c1f0e9d8b7a6f5e4d3c;",
                        "proxy_set_header X-Api-Key <redacted:api-key>;"),
                row("apikey header on grpc", CONFIG,
                        "grpc_set_header apikey \"pk-77Qz19xWv3\";",
                        "grpc_set_header apikey \"<redacted:api-key>\";"),
                row("session header", CONFIG,
                        "proxy_set_header X-Session 'c2b8d1f0a9e7';",
                        "proxy_set_header X-Session '<redacted:session>';"),
                row("cookie header masks each value", CONFIG,
                        "proxy_set_header Cookie \"sid=u7y6t5r4e3w2; lang=en\";",
                        "proxy_set_header Cookie \"sid=<redacted:cookie>; lang=<redacted:cookie>\";"),
                row("Set-Cookie keeps attributes and always", CONFIG,
                        "add_header Set-Cookie \"auth=Zx81QpL0; Path=/; Secure; HttpOnly\" always;",
                        "add_header Set-Cookie \"auth=<redacted:cookie>; Path=/; Secure; HttpOnly\" always;"),
                row("headers-more with status option", CONFIG,
                        "more_set_headers -s 200 'X-Auth-Token: h7G5f3D1s9A8';",
                        "more_set_headers -s 200 'X-Auth-Token: <redacted:token>';"),
                row("fastcgi_param password", CONFIG,
                        "fastcgi_param DB_PASSWORD \"q#W9e%R7t\";",
                        "fastcgi_param DB_PASSWORD \"<redacted:password>\";"),
                row("uwsgi_param secret", CONFIG,
                        "uwsgi_param APP_SECRET 5d41402abc4b2a76b971;",
                        "uwsgi_param APP_SECRET <redacted:secret>;"),
                row("set with secret name", CONFIG,
                        "set $jwt_secret \"Xq1+Wv2/Ur3=Ts4\";",
                        "set $jwt_secret \"<redacted:secret>\";"),
                row("set with key-like value", CONFIG,
                        "set $backend_hint 8f14e45fceea167a5a36dedd4bea2543a1;",
                        "set $backend_hint <redacted:secret>;"),
                row("map keyed by an api key", CONFIG,
                        "map $http_x_api_key $client {\n    default \"\";\n    \"k-42-Qm9vbGVhbg\" acme;\n}",
                        "map $http_x_api_key $client {\n    default \"\";\n    \"<redacted:api-key>\" acme;\n}"),
                row("map producing a token", CONFIG,
                        "map $host $upstream_token { default none; shop.test \"tk_81hf7G2k\"; }",
                        "map $host $upstream_token { default none; shop.test \"<redacted:token>\"; }"),
                row("OIDC client secret map", CONFIG,
                        "map $host $oidc_client_secret { default \"0b1d2f3e-oidc-S3cret\"; }",
                        "map $host $oidc_client_secret { default \"<redacted:secret>\"; }"),
                row("if with an unquoted token", CONFIG,
                        "if ($arg_token = t0k3n-Zq9) { return 200; }",
                        "if ($arg_token = <redacted:token>) { return 200; }"),
                row("if comparing a secret variable", CONFIG,
                        "if ($http_x_api_key != \"Opensesame42\") { return 403; }",
                        "if ($http_x_api_key != \"<redacted:api-key>\") { return 403; }"),
                row("secure_link_secret", CONFIG,
                        "secure_link_secret sn0wfl4ke;",
                        "secure_link_secret <redacted:secret>;"),
                row("secure_link_md5 keeps variables", CONFIG,
                        "secure_link_md5 \"$secure_link_expires$uri$remote_addr pepper77\";",
                        "secure_link_md5 \"$secure_link_expires$uri$remote_addr <redacted:secret>\";"),
                row("inline data: private key", CONFIG,
                        "ssl_certificate_key \"data:MIIEvQIBADANBgkqhkiG9w0BAQ\";",
                        "ssl_certificate_key \"data:<redacted:private-key>\";"),
                row("env with secret name", CONFIG,
                        "env API_TOKEN=tok-5b9c2e;",
                        "env API_TOKEN=<redacted:token>;"),
                row("lua block assignment", CONFIG,
                        "content_by_lua_block {\n    local secret = \"luA-s3cret-v4l\"\n}",
                        "content_by_lua_block {\n    local secret = \"<redacted:secret>\"\n}"),
                row("lua set_header call", CONFIG,
                        "access_by_lua_block { ngx.req.set_header(\"X-Api-Key\", \"v9Lk2Pq\") }",
                        "access_by_lua_block { ngx.req.set_header(\"X-Api-Key\", \"<redacted:api-key>\") }"),
                row("lua header table", CONFIG,
                        "header_filter_by_lua_block { ngx.header[\"X-Auth-Token\"] = \"zz81Tq\" }",
                        "header_filter_by_lua_block { ngx.header[\"X-Auth-Token\"] = \"<redacted:token>\" }"),
                row("proxy_pass with userinfo", CONFIG,
                        "proxy_pass http://svc:Pa55w0rd@10.0.0.7:8080/;",
                        "proxy_pass http://svc:<redacted:url-password>@10.0.0.7:8080/;"),
                // URLs and query strings
                row("database URL with @ in password", TEXT,
                        "DATABASE_URL=postgres://app:p@ss@db:5432/orders",
                        "DATABASE_URL=postgres://app:<redacted:url-password>@db:5432/orders"),
                row("redis URL without user", LOG,
                        "connect to redis://:Redi5Pw@cache:6379/0 failed",
                        "connect to redis://:<redacted:url-password>@cache:6379/0 failed"),
                row("mysql URL", TEXT,
                        "mysql://root:toor123@127.0.0.1/app",
                        "mysql://root:<redacted:url-password>@127.0.0.1/app"),
                row("access_token query", LOG,
                        "request: \"GET /a?access_token=Qx7Lm2Pz&page=2 HTTP/1.1\"",
                        "request: \"GET /a?access_token=<redacted:token>&page=2 HTTP/1.1\""),
                row("api_key and sig query", LOG,
                        "GET /b?api_key=abc123def&sig=ZmFrZQ%3D%3D HTTP/1.1",
                        "GET /b?api_key=<redacted:api-key>&sig=<redacted:signature> HTTP/1.1"),
                row("oauth code query", LOG,
                        "referrer: \"https://app.test/cb?code=4/0AbCd-EfGh&state=x1\"",
                        "referrer: \"https://app.test/cb?code=<redacted:token>&state=x1\""),
                row("presigned S3 URL", LOG,
                        "?X-Amz-Credential=cred%2F20261123&X-Amz-Signature=ab12cd34ef56",
                        "?X-Amz-Credential=<redacted:secret>&X-Amz-Signature=<redacted:signature>"),
                row("jsessionid path parameter", LOG,
                        "GET /cart;jsessionid=9A8B7C6D5E4F HTTP/1.1",
                        "GET /cart;jsessionid=<redacted:session> HTTP/1.1"),
                // header echoes
                row("Authorization echo in curl output", TEXT,
                        "> Authorization: Digest username=\"ops\", response=\"6629fae49393a05397450978507c4ef1\"",
                        "> Authorization: Digest <redacted:authorization>"),
                row("AWS SigV4 Authorization mid-line", LOG,
                        "rejected Authorization: AWS4-HMAC-SHA256 Credential=cred-77/20261123/s3, Signature=9ab0",
                        "rejected Authorization: AWS4-HMAC-SHA256 <redacted:authorization>, "
                                + "Signature=<redacted:signature>"),
                row("Cookie echo", TEXT,
                        "> Cookie: PHPSESSID=rq1v7s2o; _ga=GA1.2.3",
                        "> Cookie: PHPSESSID=<redacted:cookie>; _ga=<redacted:cookie>"),
                row("invalid header line in error log", LOG,
                        "client sent invalid header line: \"X_Api_Key: 9e2c491eb948\" while reading",
                        "client sent invalid header line: \"X_Api_Key: <redacted:api-key>\" while reading"),
                row("bearer token anywhere", LOG,
                        "upstream said: Bearer 0a1b2c3d4e5f6a7b8c9d rejected",
                        "upstream said: Bearer <redacted:bearer-token> rejected"),
                row("basic credentials anywhere", LOG,
                        "auth header Basic YWxpY2U6c2VjcmV0 failed",
                        "auth header Basic <redacted:basic-auth> failed"),
                // vendor token shapes
                row("JWT", LOG,
                        "token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJvcHMifQ.c2lnbmF0dXJlLXZhbHVl end",
                        "token <redacted:jwt> end"),
                row("AWS access key id", TEXT,
                        "using AKIAQWERTYUIOPASDFGH for s3",
                        "using <redacted:aws-access-key-id> for s3"),
                row("AWS secret key in context", TEXT,
                        "aws_secret_access_key = kQ9mZ2xR7vB4nW1pL8sT3yH6cJ0fD5gA2eU7iO4u",
                        "aws_secret_access_key = <redacted:aws-secret-key>"),
                row("GitHub classic token", TEXT,
                        "ghp_1234567890abcdefghijABCDEFGHIJ123456",
                        "<redacted:github-token>"),
                row("GitHub fine-grained token", TEXT,
                        "github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz",
                        "<redacted:github-token>"),
                row("GitLab token", TEXT,
                        "glpat-Ab1Cd2Ef3Gh4Ij5Kl6Mn",
                        "<redacted:gitlab-token>"),
                row("Slack bot token", TEXT,
                        "xoxb-1234567890-0987654321-AbCdEfGhIjKl",
                        "<redacted:slack-token>"),
                row("Slack app token", TEXT,
                        "xapp-1-A0123456789-0123456789012-abcdef0123",
                        "<redacted:slack-token>"),
                row("Slack webhook URL", TEXT,
                        "https://hooks.slack.com/services/T0AAA0AAA/B0BBB0BBB/abcdefghijklmnopqrstuvwx",
                        "https://hooks.slack.com/services/<redacted:webhook-url>"),
                row("Stripe live key", TEXT,
                        "key=sk_live_51Hx9abcDEF0123456789",
                        "key=<redacted:stripe-key>"),
                row("Google API key", TEXT,
                        "AIzaSyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q",
                        "<redacted:google-api-key>"),
                row("npm token", TEXT,
                        "npm_abcdefghijklmnopqrstuvwxyz0123456789",
                        "<redacted:npm-token>"),
                row("SendGrid key", TEXT,
                        "SG.abcdefghijklmnopqrstuv.ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcdefg",
                        "<redacted:sendgrid-key>"),
                row("Twilio API key", TEXT,
                        "SK0123456789abcdef0123456789abcdef",
                        "<redacted:twilio-key>"),
                row("OpenAI key", TEXT,
                        "sk-proj-Ab12Cd34Ef56Gh78Ij90Kl12",
                        "<redacted:ai-api-key>"),
                row("Vault token", TEXT,
                        "hvs.CAESIJ0123456789abcdefghijklmn",
                        "<redacted:cloud-token>"),
                row("PEM private key keeps its lines", TEXT,
                        "-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIBkg4LVWM9nuwNSk3yByxZpYRTBnVJk5\noAoGCCqGSM49AwEHoUQDQgAE\n-----END EC PRIVATE KEY-----",
                        "-----BEGIN EC PRIVATE KEY-----\n<redacted:private-key>\n\n-----END EC PRIVATE KEY-----"),
                row("htpasswd apr1 hash", TEXT,
                        "operator:$apr1$Xc1R8ZsT$0hCJNjmdMVmRsQkcgwY9c/",
                        "operator:<redacted:password-hash>"),
                row("htpasswd SHA hash", TEXT,
                        "legacy:{SHA}W6ph5Mm5Pz8GgiULbPgzG37mj9g=",
                        "legacy:<redacted:password-hash>"),
                // assignments by name
                row("password=", LOG,
                        "login failed password=hunter2, retrying",
                        "login failed password=<redacted:password>, retrying"),
                row("name ending in a digit before a digit value", LOG,
                        "retry secret2=3f9a7c ok",
                        "retry secret2=<redacted:secret> ok"),
                row("JSON secret", TEXT,
                        "{\"client_secret\": \"c5-9f!x\", \"id\": 7}",
                        "{\"client_secret\": \"<redacted:secret>\", \"id\": 7}"),
                row("escaped JSON in access log", LOG,
                        "{\\x22password\\x22:\\x22Pl4in-Text\\x22}",
                        "{\\x22password\\x22:\\x22<redacted:password>\\x22}"),
                row("YAML password to end of line", TEXT,
                        "  db_password: my pass phrase",
                        "  db_password: <redacted:password>"),
                row("XML element", TEXT,
                        "<Password>Xm1-s3cret</Password>",
                        "<Password><redacted:password></Password>"),
                row("command line flag", TEXT,
                        "./migrate --password=Mig-2026 --verbose",
                        "./migrate --password=<redacted:password> --verbose"),
                row("openssl passphrase argument", TEXT,
                        "openssl rsa -passin pass:K3yPhr4se -in a.key",
                        "openssl rsa -passin pass:<redacted:password> -in a.key"),
                row("command line --token flag", TEXT,
                        "./probe --token Tk-8812-zz --verbose",
                        "./probe --token <redacted:token> --verbose"),
                row("curl -u user:password", TEXT,
                        "curl -sS -u deploy:Cu-rl-Pw https://api.test/",
                        "curl -sS -u deploy:<redacted:password> https://api.test/"),
                row("mysql -p attached password", TEXT,
                        "mysql -h db -u root -pR00t-Pw app",
                        "mysql -h db -u root -p<redacted:password> app"),
                row("redis-cli -a password", TEXT,
                        "redis-cli -h cache -a Redi5-Pw ping",
                        "redis-cli -h cache -a <redacted:password> ping"),
                row("connection string field", TEXT,
                        "Server=db;Database=app;User Id=sa;Password=Str0ng!;",
                        "Server=db;Database=app;User Id=sa;Password=<redacted:password>;"),
                row("Azure account key", TEXT,
                        "AccountName=x;AccountKey=q83j+Q0xZyw==;EndpointSuffix=core.windows.net",
                        "AccountName=x;AccountKey=<redacted:api-key>;EndpointSuffix=core.windows.net"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void masks_the_secret_and_keeps_the_frame(String shape, Mode mode, String input, String expected) {
        Redaction redaction = mode.redact(input);

        assertEquals(expected, redaction.text());
        assertTrue(redaction.maskedCount() >= 1, "counted at least one mask");
    }

    /** Rows that need no knowledge of nginx directives: URLs, Lua code, logs and free text. */
    static Stream<Arguments> shapesOutsideDirectives() {
        return shapes().filter(row -> row.get()[1] != CONFIG
                || ((String) row.get()[2]).contains("://") || ((String) row.get()[2]).contains("lua"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapesOutsideDirectives")
    void text_mode_catches_every_shape_that_needs_no_directive_knowledge(String shape, Mode mode, String input,
            String expected) {
        assertEquals(expected, TEXT.redact(input).text());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void redacting_the_redacted_text_changes_nothing(String shape, Mode mode, String input, String expected) {
        Redaction again = mode.redact(mode.redact(input).text());

        assertEquals(expected, again.text());
        assertEquals(0, again.maskedCount());
    }

    private static Arguments row(String shape, Mode mode, String input, String expected) {
        return Arguments.of(shape, mode, input, expected);
    }
}

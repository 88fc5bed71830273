package medic.remote;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads exactly one HTTP/1.x response off a stream (status line, headers, body by Content-Length or chunked
 * encoding) so that the connection is left idle right after it. Just enough HTTP to probe a backend's keep-alive.
 */
final class HttpResponseReader {
    private static final int MAX_LINE = 16 * 1024;
    private static final int MAX_HEADER_LINES = 200;

    /** The response's parts that decide keep-alive. */
    record Response(String statusLine, int status, boolean http10, String connection, boolean readsToClose) {
        boolean keepsAlive() {
            if (readsToClose || connection.contains("close")) {
                return false;
            }
            return !http10 || connection.contains("keep-alive");
        }
    }

    private HttpResponseReader() {
    }

    /** Reads one response to a GET; throws {@link IOException} when the bytes are not an HTTP/1.x response. */
    static Response read(InputStream in) throws IOException {
        String statusLine = line(in, "HTTP/");
        if (!statusLine.matches("HTTP/1\\.[01] \\d{3}( .*)?")) {
            throw new IOException("not an HTTP/1.x response: \"" + abbreviate(statusLine) + "\"");
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long contentLength = -1;
        boolean chunked = false;
        String connection = "";
        for (int lines = 0; ; lines++) {
            String header = line(in);
            if (header.isEmpty()) {
                break;
            }
            if (lines == MAX_HEADER_LINES) {
                throw new IOException("more than " + MAX_HEADER_LINES + " header lines");
            }
            int colon = header.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
            switch (name) {
                case "content-length" -> contentLength = parseLength(value);
                case "transfer-encoding" -> chunked = value.endsWith("chunked");
                case "connection" -> connection = value;
                default -> { }
            }
        }
        boolean noBody = status / 100 == 1 || status == 204 || status == 304;
        boolean readsToClose = false;
        if (!noBody) {
            if (chunked) {
                skipChunks(in);
            } else if (contentLength >= 0) {
                skip(in, contentLength);
            } else {
                readsToClose = true;
            }
        }
        return new Response(statusLine, status, statusLine.startsWith("HTTP/1.0"), connection, readsToClose);
    }

    private static void skipChunks(InputStream in) throws IOException {
        while (true) {
            String sizeLine = line(in);
            int semicolon = sizeLine.indexOf(';');
            long size;
            try {
                size = Long.parseLong((semicolon >= 0 ? sizeLine.substring(0, semicolon) : sizeLine).trim(), 16);
            } catch (NumberFormatException e) {
                throw new IOException("bad chunk size line \"" + abbreviate(sizeLine) + "\"");
            }
            if (size == 0) {
                while (!line(in).isEmpty()) {
                    // Trailer fields: not needed.
                }
                return;
            }
            skip(in, size);
            if (!line(in).isEmpty()) {
                throw new IOException("chunk not followed by CRLF");
            }
        }
    }

    private static long parseLength(String value) throws IOException {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IOException("bad Content-Length \"" + abbreviate(value) + "\"");
        }
    }

    private static void skip(InputStream in, long bytes) throws IOException {
        byte[] buffer = new byte[8192];
        long left = bytes;
        while (left > 0) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (read < 0) {
                throw new EOFException("the body ended " + left + " bytes early");
            }
            left -= read;
        }
    }

    private static String line(InputStream in) throws IOException {
        return line(in, "");
    }

    /** A line, refused as soon as its first bytes differ from {@code prefix} (a TLS alert never ends a line). */
    private static String line(InputStream in, String prefix) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("the connection closed in the middle of the response");
            }
            if (line.size() < prefix.length() && b != prefix.charAt(line.size())) {
                line.write(b);
                throw new IOException("not an HTTP/1.x response: \"" + abbreviate(line.toString(StandardCharsets.ISO_8859_1))
                        + "\"");
            }
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
            }
            if (line.size() == MAX_LINE) {
                throw new IOException("a response line longer than " + MAX_LINE + " bytes");
            }
            line.write(b);
        }
    }

    private static String abbreviate(String text) {
        String printable = text.replaceAll("[^\\x20-\\x7e]", "?");
        return printable.length() > 60 ? printable.substring(0, 60) + "..." : printable;
    }
}

#!/usr/bin/env python3
"""Misbehaving upstreams for capturing real nginx error-log lines."""
import socket, struct, threading, time, sys

def linger_close(s):
    s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack('ii', 1, 0))
    s.close()

def read_head(c):
    data = b''
    while b'\r\n\r\n' not in data:
        d = c.recv(65536)
        if not d: break
        data += d
    return data

def reset_after_request(c):      # 104 while reading response header
    read_head(c); linger_close(c)

def silent(c):                   # upstream timed out
    read_head(c); time.sleep(30); c.close()

def fin_after_request(c):        # prematurely closed
    read_head(c); c.close()

def big_header(c):               # too big header
    read_head(c)
    c.sendall(b'HTTP/1.1 200 OK\r\nX-Big: ' + b'a' * 20000 + b'\r\nContent-Length: 0\r\n\r\n'); time.sleep(1); c.close()

def reset_mid_body(c):           # readv/recv 104 while reading upstream
    read_head(c)
    c.sendall(b'HTTP/1.1 200 OK\r\nContent-Length: 1000000\r\n\r\n' + b'x' * 1000)
    time.sleep(0.3); linger_close(c)

def fin_mid_body(c):             # prematurely closed while reading upstream
    read_head(c)
    c.sendall(b'HTTP/1.1 200 OK\r\nContent-Length: 1000000\r\n\r\n' + b'x' * 1000)
    time.sleep(0.3); c.close()

def reset_before_reading(c):     # writev/send failed while sending request
    time.sleep(0.3); linger_close(c)

def ws_then_reset(c):            # 104 while proxying upgraded connection (error)
    read_head(c)
    c.sendall(b'HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n')
    time.sleep(0.3); linger_close(c)

def ws_idle(c):                  # idle tunnel: upstream timed out at info
    read_head(c)
    c.sendall(b'HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n')
    time.sleep(30); c.close()

def ok(c):
    read_head(c)
    c.sendall(b'HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok'); c.close()

HANDLERS = {9001: reset_after_request, 9002: silent, 9003: fin_after_request, 9004: big_header,
            9005: reset_mid_body, 9006: fin_mid_body, 9007: reset_before_reading, 9008: ws_then_reset,
            9009: ws_idle, 9010: ok}

def serve(port, fn):
    s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(('127.0.0.1', port)); s.listen(128)
    while True:
        c, _ = s.accept()
        threading.Thread(target=lambda: (fn(c)), daemon=True).start()

for p, f in HANDLERS.items():
    threading.Thread(target=serve, args=(p, f), daemon=True).start()
print('ready', flush=True)
time.sleep(100000)

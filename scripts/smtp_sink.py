#!/usr/bin/env python3
"""A throwaway SMTP server for tests: accepts every message and files it.

Usage: smtp_sink.py DIR PORT

Listens on 127.0.0.1:PORT, accepts every message from anyone to anyone, and
writes each one, exactly as received, to a new file DIR/<n>.eml (n = 1, 2,
...; written under a temporary name and renamed, so a reader never sees half
a message). Prints "ready" on stdout once it is listening and runs until it
is killed. Nothing leaves the machine: it relays nothing.

With SMTP_SINK_REJECT set (comma-separated strings), a recipient whose
address contains one of them is refused permanently (550), as a mail server
refuses an unknown mailbox.

Needs aiosmtpd: Debian's python3-aiosmtpd (scripts/test.sh installs it).
"""

import itertools
import os
import signal
import sys
import threading

try:
    from aiosmtpd.controller import Controller
except ImportError:
    sys.stderr.write(
        "smtp_sink.py needs aiosmtpd: install Debian's python3-aiosmtpd "
        "(apt-get install python3-aiosmtpd)\n"
    )
    sys.exit(3)


class Sink:
    """aiosmtpd handler: every message is accepted and written to a file."""

    def __init__(self, directory):
        self.directory = directory
        self.numbers = itertools.count(1)
        self.lock = threading.Lock()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        reject = [r for r in os.environ.get("SMTP_SINK_REJECT", "").split(",") if r]
        if any(r in address for r in reject):
            return "550 5.1.1 mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            n = next(self.numbers)
        data = envelope.original_content
        if data is None:
            data = envelope.content
        if isinstance(data, str):
            data = data.encode("utf-8", "surrogateescape")
        tmp = os.path.join(self.directory, f".{n}.eml.tmp")
        with open(tmp, "wb") as f:
            f.write(data)
        os.replace(tmp, os.path.join(self.directory, f"{n}.eml"))
        return "250 Message accepted"


def main():
    if len(sys.argv) != 3:
        sys.stderr.write("usage: smtp_sink.py DIR PORT\n")
        return 2
    directory = sys.argv[1]
    try:
        port = int(sys.argv[2])
    except ValueError:
        sys.stderr.write("PORT must be a number\n")
        return 2
    os.makedirs(directory, exist_ok=True)

    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())

    controller = Controller(Sink(directory), hostname="127.0.0.1", port=port)
    controller.start()
    try:
        print("ready", flush=True)
        while not stop.wait(1):
            pass
    finally:
        controller.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())

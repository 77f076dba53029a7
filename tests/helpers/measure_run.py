"""measure_run.py LIMIT RESULT cmd...: runs cmd, kills it (SIGKILL) once LIMIT seconds have passed, and
writes {"code", "seconds", "peakKb", "killed"} to RESULT: the exit code (128 + signal when a signal ended
it), the wall time, and the peak resident memory of cmd's process (wait4's ru_maxrss)."""
import json
import os
import signal
import subprocess
import sys
import time

limit, result, command = float(sys.argv[1]), sys.argv[2], sys.argv[3:]
started = time.monotonic()
child = subprocess.Popen(command)
killed = False


def on_alarm(_signum, _frame):
    global killed
    killed = True
    child.kill()


signal.signal(signal.SIGALRM, on_alarm)
signal.setitimer(signal.ITIMER_REAL, limit)
while True:
    try:
        _, status, usage = os.wait4(child.pid, 0)
        break
    except InterruptedError:
        continue
signal.setitimer(signal.ITIMER_REAL, 0)
code = os.waitstatus_to_exitcode(status)
with open(result, "w") as out:
    json.dump(
        {
            "code": code if code >= 0 else 128 - code,
            "seconds": time.monotonic() - started,
            "peakKb": usage.ru_maxrss,
            "killed": killed,
        },
        out,
    )

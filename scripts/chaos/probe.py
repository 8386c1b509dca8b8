#!/usr/bin/env python3
"""Drives HTTP through the front door while a fault is injected, and times what the cluster does about it.

Usage: [PROBE_SILO_ID=silo-1 PROBE_DEAD_PID=123 PROBE_SILO_PORT=11111] probe.py FRONT_URL SECONDS psql-command-and-args...
Prints one JSON object: per endpoint requests / non-2xx / 5xx / p99 ms, and, when a silo was killed (PROBE_*), the
seconds from the fault (the start of this probe) to: the front door taking the dead silo out, the leases held by
another process, Orleans declaring the silo dead. Runs SECONDS, or until SIGTERM (a fault of unknown length).
Stdlib only (urllib, subprocess psql), so it runs wherever cluster.sh does.
"""
import json, os, signal, subprocess, sys, threading, time, urllib.request, urllib.error

front, seconds, psql = sys.argv[1], float(sys.argv[2]), sys.argv[3:]
start = time.monotonic()
stop = start + seconds


def stop_now(*_):
    global stop
    stop = time.monotonic()


signal.signal(signal.SIGTERM, stop_now)
route_body = json.dumps({"origin": {"lat": 21.02, "lng": 105.85}, "destination": {"lat": 21.03, "lng": 105.84}}).encode()
results = {"traffic": [], "route": []}


def call(kind):
    url = front + ("/traffic/current" if kind == "traffic" else "/route/recommend")
    data = None if kind == "traffic" else route_body
    while time.monotonic() < stop:
        t = time.monotonic()
        try:
            req = urllib.request.Request(url, data=data, headers={"content-type": "application/json"})
            with urllib.request.urlopen(req, timeout=10) as r:
                r.read()
                code = r.status
        except urllib.error.HTTPError as e:
            code = e.code
        except Exception:
            code = 0
        results[kind].append((t - start, code, (time.monotonic() - t) * 1000))
        time.sleep(0.05)


def sql(query):
    out = subprocess.run(psql + ["-qtA", "-c", query], capture_output=True, text=True)
    return out.stdout.strip()


def first_time(check, interval=0.2):
    while time.monotonic() < stop:
        if check():
            return round(time.monotonic() - start, 2)
        time.sleep(interval)
    return None


def front_door_out(silo_id):
    try:
        with urllib.request.urlopen(front + "/frontdoor/silos", timeout=2) as r:
            silos = json.load(r)
        return any(s["id"] == silo_id and not s["available"] for s in silos)
    except Exception:
        return False


silo_id = os.environ.get("PROBE_SILO_ID")
dead_pid = os.environ.get("PROBE_DEAD_PID")
silo_port = os.environ.get("PROBE_SILO_PORT")
timings = {}
checks = {} if silo_id is None else {
    "front_door_out_s": (lambda: front_door_out(silo_id), 0.1),
    "leases_moved_s": (lambda: sql("SELECT count(*) FROM pg_stat_activity WHERE application_name LIKE 'leader:%'"
                                   " AND application_name NOT LIKE '%:" + dead_pid + "'") == "2", 0.1),
    "orleans_declared_dead_s": (lambda: sql("SELECT count(*) FROM orleans_membership WHERE port = " + silo_port + " AND status = 6"
                                            " AND generation = (SELECT max(generation) FROM orleans_membership WHERE port = " + silo_port + ")") == "1", 0.5),
}
threads = [threading.Thread(target=call, args=(k,)) for k in ("traffic", "route") for _ in range(2)]
threads += [threading.Thread(target=lambda n=n, c=c: timings.__setitem__(n, first_time(*c))) for n, c in checks.items()]
for t in threads:
    t.start()
for t in threads:
    t.join()


def summary(rows):
    lat = sorted(r[2] for r in rows)
    failed = [r for r in rows if r[1] >= 500 or r[1] == 0]
    codes = {}
    for r in rows:
        codes[str(r[1])] = codes.get(str(r[1]), 0) + 1
    return {"requests": len(rows), "status": codes, "5xx_or_refused": len(failed),
            "last_5xx_s": round(max((r[0] for r in failed), default=0), 2),
            "p99_ms": round(lat[int(len(lat) * 0.99) - 1], 1) if lat else None}


print(json.dumps({"timings": timings, "traffic_current": summary(results["traffic"]), "route_recommend": summary(results["route"])}))

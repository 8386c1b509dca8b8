#!/usr/bin/env python3
"""One row of chaos.sh's invariants table, checked with SQL and by reading the topics back with kcat.

Usage: invariants.py FAULT CATCH_UP HORIZON HORIZON_AT PROBE_JSON ALERT_CLIENTS_JSONL BOOTSTRAP psql-command-and-args...
HORIZON is the newest reading's timestamp and HORIZON_AT the server time when the pipeline was found caught up: every
reading up to HORIZON must have been predicted and published, every outbox row written before HORIZON_AT sent.
Prints one Markdown table row (header: --header).
"""
import collections, json, os, pickle, re, subprocess, sys

HEADER = ("| fault | readings | lost: no prediction / not on traffic-raw / not on traffic-predictions "
          "| duplicated: traffic_data / predictions / traffic-raw / traffic-predictions | outbox unsent "
          "| alerts stored / not published / published twice | SignalR clients reconnected / alerts missed "
          "| catch-up s | HTTP during the fault: requests / 5xx+refused / last 5xx s / p99 traffic, route ms |\n"
          "|---|---|---|---|---|---|---|---|---|")

if sys.argv[1:] == ["--header"]:
    print(HEADER)
    sys.exit(0)

fault, caught, horizon, horizon_at, probe_file, clients_file, bootstrap = sys.argv[1:8]
psql = sys.argv[8:]


def sql_rows(query):
    out = subprocess.run(psql + ["-qtA", "-c", query], capture_output=True, text=True, check=True)
    return [line for line in out.stdout.splitlines() if line]


def sql(query):
    return sql_rows(query)[0]


def kcat(*args):
    return subprocess.run(["kcat", "-b", bootstrap, *args], capture_output=True, text=True).stdout


EVENT_ID = re.compile(rb'"event_id":"([0-9a-fA-F-]{36})"')
CACHE_DIR = os.path.dirname(os.path.abspath(clients_file))


def topic_ids(topic):
    """event_id of every message on the topic up to its end offsets now, with how often each occurs. Bounded per
    partition: with `-e` alone a reader slower than the producers (a loaded machine) never reaches the end. The logs
    are append-only, so what earlier rows of this run read is kept (chaos-topics-TOPIC.pickle next to the clients'
    file) and only the new messages are read; ids are taken with one regex over kcat's output instead of a JSON
    parse per message (a million messages per topic after a few faults)."""
    cache_file = os.path.join(CACHE_DIR, f"chaos-topics-{topic}.pickle")
    try:
        with open(cache_file, "rb") as f:
            cache = pickle.load(f)
    except (FileNotFoundError, EOFError, pickle.UnpicklingError):
        cache = {"bootstrap": bootstrap, "next": {}, "ids": collections.Counter()}
    if cache["bootstrap"] != bootstrap:
        cache = {"bootstrap": bootstrap, "next": {}, "ids": collections.Counter()}
    partitions = int(re.search(r"with (\d+) partitions", kcat("-L", "-t", topic)).group(1))
    for p in range(partitions):
        # Query mode with timestamp -1 answers the partition's end offset.
        end = int(re.search(r"offset (-?\d+)", kcat("-Q", "-t", f"{topic}:{p}:-1")).group(1))
        start = cache["next"].get(p, 0)
        if end <= start:
            continue
        out = subprocess.run(["kcat", "-b", bootstrap, "-C", "-t", topic, "-p", str(p), "-o", str(start), "-c", str(end - start),
                              "-e", "-q", "-f", "%s\\n"], capture_output=True).stdout
        cache["ids"].update(m.decode() for m in EVENT_ID.findall(out))
        cache["next"][p] = end
    with open(cache_file, "wb") as f:
        pickle.dump(cache, f)
    return cache["ids"]


def duplicated(counter):
    return sum(n - 1 for n in counter.values() if n > 1)


until = f"\"timestamp\" <= '{horizon}'"
readings = set(sql_rows(f"SELECT event_id FROM traffic_data WHERE {until}"))
predictions = set(sql_rows(f"SELECT event_id FROM predictions WHERE {until}"))
unpredicted = sql(f"""SELECT count(*) FROM traffic_data t WHERE t.{until} AND NOT EXISTS
    (SELECT 1 FROM predictions p WHERE p.road_id = t.road_id AND p."timestamp" = t."timestamp")""")
raw, published_predictions, published_alerts = (topic_ids(t) for t in ("traffic-raw", "traffic-predictions", "traffic-notifications"))
# Alerts of the readings up to the horizon; newer ones may still be on their way through the outbox.
alerts = set(sql_rows(f"SELECT event_id FROM notifications WHERE {until}"))

lost = f"{unpredicted} / {len(readings - raw.keys())} / {len(predictions - published_predictions.keys())}"
dups = " / ".join(str(n) for n in (
    sql("SELECT count(*) - count(DISTINCT event_id) FROM traffic_data"),
    sql("SELECT count(*) - count(DISTINCT event_id) FROM predictions"),
    duplicated(raw), duplicated(published_predictions)))
unsent = sql(f"SELECT count(*) FROM outbox WHERE sent_at IS NULL AND created_at <= '{horizon_at}'")
alert_cell = f"{len(alerts)} / {len(alerts - published_alerts.keys())} / {duplicated(published_alerts)}"


def clients_cell():
    """Alerts a client should have had: stored after the first one it received (plus two ticks of slack for partitions
    running unevenly when it connected) up to the horizon. Missed = the most any one client lacks."""
    received, first, reconnects = collections.defaultdict(set), {}, set()
    try:
        with open(clients_file) as f:
            for line in f:
                event = json.loads(line)
                if event["kind"] == "alert":
                    received[event["client"]].add(event["id"])
                    first.setdefault(event["client"], event["ts"])
                elif event["kind"] == "reconnected":
                    reconnects.add(event["client"])
    except FileNotFoundError:
        return "no clients"
    if not first:
        return f"{len(reconnects)} / no alert received"
    missed = 0
    for client, since in first.items():
        expected = set(sql_rows(f"""SELECT event_id FROM notifications
            WHERE "timestamp" > '{since}'::timestamptz + interval '10 minutes' AND {until}"""))
        missed = max(missed, len(expected - received[client]))
    return f"{len(reconnects)} of {len(first)} / {missed}"


def http_cell():
    try:
        with open(probe_file) as f:
            probe = json.load(f)
    except (FileNotFoundError, ValueError):
        return "-"
    t, r = probe["traffic_current"], probe["route_recommend"]
    return (f"{t['requests'] + r['requests']} / {t['5xx_or_refused'] + r['5xx_or_refused']} / "
            f"{max(t['last_5xx_s'], r['last_5xx_s'])} / {t['p99_ms']}, {r['p99_ms']}")


print(f"| {fault} | {len(readings)} | {lost} | {dups} | {unsent} | {alert_cell} | {clients_cell()} | {caught} | {http_cell()} |")

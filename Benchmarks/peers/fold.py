#!/usr/bin/env python3
"""The peer fold in Python: json.loads per line, the same summary as `pacte-ledger summary`
computes per pact (status, partners requested and signed, State cash per year, total cash,
event count). Used by Benchmarks/pacte-bench to compare speeds; prints one line per pact."""
import json
import sys


def fold(path):
    state_partners = set()
    requested = set()
    signed = set()
    status = None
    state_cash = {}
    total_cash = 0
    count = 0
    with open(path, "rb") as handle:
        for line in handle:
            event = json.loads(line)
            count += 1
            kind = event["type"]
            data = event["data"]
            if kind == "pact.drafted":
                status = "drafted"
                if data["porteur"]["kind"] == "state":
                    state_partners.add(data["porteur"]["id"])
            elif kind == "partner.joined":
                if data["partner"]["kind"] == "state":
                    state_partners.add(data["partner"]["id"])
            elif kind == "signature.requested" and data["document"] == "convention":
                requested.update(data["partners"])
                status = "in-signature"
            elif kind == "signature.received" and data["document"] == "convention":
                signed.add(data["partnerId"])
            elif kind == "commitment.voted" and data["outcome"] == "adopted":
                cash = sum(line["amountCents"] for line in data["lines"])
                total_cash += cash
                if data["partnerId"] in state_partners:
                    state_cash[data["year"]] = state_cash.get(data["year"], 0) + cash
            elif kind == "pact.closed":
                status = "closed"
    return path, status, len(signed), len(requested), state_cash, total_cash, count


def main():
    for path in sys.argv[1:]:
        print(fold(path))


if __name__ == "__main__":
    main()

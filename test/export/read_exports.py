"""Reads tupu's exports with the consumers researchers use, and prints what they saw as one JSON line.

    python read_exports.py graphml FILE   -> {"nodes": N, "edges": M, "kinds": {...}}
    python read_exports.py gexf FILE      -> same, through NetworkX's GEXF reader
    python read_exports.py ftm FILE       -> {"entities": N, "schemata": {...}, "errors": [...]}
"""
import json
import sys
from collections import Counter


def read_graph(kind, path):
    import networkx as nx

    graph = nx.read_graphml(path) if kind == "graphml" else nx.read_gexf(path)
    kinds = Counter(data.get("kind") for _, data in graph.nodes(data=True))
    return {"nodes": graph.number_of_nodes(), "edges": graph.number_of_edges(), "kinds": kinds}


def validate_ftm(path):
    """Every entity passes its schema's validation, survives cleaning unchanged, and refers to entities present."""
    from followthemoney import model
    from followthemoney.exc import InvalidData

    with open(path, encoding="utf-8") as handle:
        entities = [json.loads(line) for line in handle if line.strip()]
    ids = {entity["id"] for entity in entities}
    errors = []
    for data in entities:
        schema = model.get(data["schema"])
        if schema is None:
            errors.append(f"{data['id']}: unknown schema {data['schema']}")
            continue
        try:
            schema.validate(data)
        except InvalidData as error:
            errors.append(f"{data['id']} ({data['schema']}): {error.errors}")
        try:
            proxy = model.get_proxy(data, cleaned=False)
        except InvalidData as error:
            errors.append(f"{data['id']} ({data['schema']}): {error}")
            continue
        for prop, value in proxy.itervalues():
            if prop.type.clean(value, proxy=proxy) is None:
                errors.append(f"{data['id']}: {prop.name} {value!r} does not clean")
            if prop.type.name == "entity" and value not in ids:
                errors.append(f"{data['id']}: {prop.name} refers to {value}, not exported")
    schemata = Counter(entity["schema"] for entity in entities)
    return {"entities": len(entities), "schemata": schemata, "errors": errors}


if __name__ == "__main__":
    kind, path = sys.argv[1], sys.argv[2]
    result = validate_ftm(path) if kind == "ftm" else read_graph(kind, path)
    print(json.dumps(result, ensure_ascii=False))

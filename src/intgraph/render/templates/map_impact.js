/* intgraph architecture map: the impact traversal of `intgraph impact`
   (intgraph.queries.impact.walk) over the integrations embedded in the page, and the
   flows between groups. Pure functions, no DOM. */
var intgraphImpact = (function () {
  "use strict";

  /* Per system index: the integrations it is a source of, a target of, and routed through. */
  function index(records, count) {
    var asSource = [], asTarget = [], asVia = [];
    for (var n = 0; n < count; n++) { asSource.push([]); asTarget.push([]); asVia.push([]); }
    records.forEach(function (r, i) {
      r.s.forEach(function (s) { asSource[s].push(i); });
      r.t.forEach(function (t) { asTarget[t].push(i); });
      r.m.forEach(function (m) { asVia[m].push(i); });
    });
    return { records: records, asSource: asSource, asTarget: asTarget, asVia: asVia };
  }

  /* Breadth-first walk from system `start` in one direction, to `maxDepth` (null: all).
     The middleware rule applies to `start` only: every integration routed through it is
     at distance 1. Returns {systems: Map(system -> distance), integrations: Map(i -> distance)}. */
  function walk(ix, start, direction, maxDepth) {
    var leaving = direction === "downstream" ? ix.asSource : ix.asTarget;
    var leadsTo = direction === "downstream" ? "t" : "s";
    var systems = new Map([[start, 0]]);
    var integrations = new Map();
    var frontier = [start];
    var distance = 0;
    while (frontier.length && (maxDepth === null || distance < maxDepth)) {
      distance += 1;
      var following = [];
      for (var f = 0; f < frontier.length; f++) {
        var system = frontier[f];
        var list = leaving[system];
        if (system === start) { list = list.concat(ix.asVia[start]); }
        for (var k = 0; k < list.length; k++) {
          var i = list[k];
          if (integrations.has(i)) { continue; }
          integrations.set(i, distance);
          var reached = ix.records[i][leadsTo];
          for (var r = 0; r < reached.length; r++) {
            if (!systems.has(reached[r])) { systems.set(reached[r], distance); following.push(reached[r]); }
          }
        }
      }
      frontier = following;
    }
    systems.delete(start);
    return { systems: systems, integrations: integrations };
  }

  /* Both directions, as `intgraph impact --direction both`. */
  function both(ix, start, maxDepth) {
    return { downstream: walk(ix, start, "downstream", maxDepth), upstream: walk(ix, start, "upstream", maxDepth) };
  }

  return { index: index, walk: walk, both: both };
})();

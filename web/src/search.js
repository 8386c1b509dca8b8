// Road search by name, insensitive to case and Vietnamese diacritics: "kim ma" finds "Kim Mã" and "Pho Kim Ma".

/** Folds a name to lower-case ASCII words: strips combining marks after NFD and maps đ/Đ (not a combining mark) to d. */
export function fold(text) {
  return String(text ?? "")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/**
 * The roads whose folded name contains every folded word of the query, best first: names that start with the
 * query, then names containing it as a phrase, then the rest; shorter names first within a rank.
 */
export function searchRoads(roads, query, limit = 8) {
  const folded = fold(query);
  if (!folded) return [];
  const words = folded.split(" ");
  const seen = new Set();
  const hits = [];
  for (const road of roads) {
    const name = fold(road.road_name);
    if (!words.every((word) => name.includes(word))) continue;
    const key = road.road_id;
    if (seen.has(key)) continue;
    seen.add(key);
    const rank = name.startsWith(folded) ? 0 : name.includes(folded) ? 1 : 2;
    hits.push({ road, rank, length: name.length });
  }
  hits.sort((a, b) => a.rank - b.rank || a.length - b.length || a.road.road_name.localeCompare(b.road.road_name));
  return hits.slice(0, limit).map((hit) => hit.road);
}

import { describe, expect, test } from "vitest";
import { fold, searchRoads } from "../src/search.js";

const roads = [
  { road_id: "1", road_name: "Kim Mã" },
  { road_id: "2", road_name: "Pho Kim Ma" },
  { road_id: "3", road_name: "Phố Đội Cấn" },
  { road_id: "4", road_name: "Kim Liên" },
  { road_id: "5", road_name: "Đường Láng" },
];

describe("fold", () => {
  test("strips Vietnamese tone and vowel marks", () => {
    expect(fold("Kim Mã")).toBe("kim ma");
    expect(fold("Nguyễn Trãi")).toBe("nguyen trai");
    expect(fold("Phố Huế")).toBe("pho hue");
  });

  test("maps đ and Đ, which NFD does not decompose, to d", () => {
    expect(fold("Đội Cấn")).toBe("doi can");
    expect(fold("đường")).toBe("duong");
  });

  test("folds precomposed and decomposed input alike and collapses punctuation", () => {
    expect(fold("Kim Ma\u0303")).toBe("kim ma");
    expect(fold("  Kim-Mã,  ")).toBe("kim ma");
  });
});

describe("searchRoads", () => {
  test("kim ma finds Kim Mã and Pho Kim Ma, not Kim Liên", () => {
    const ids = searchRoads(roads, "kim ma").map((road) => road.road_id);
    expect(ids).toEqual(["1", "2"]);
  });

  test("a query with diacritics finds names without them", () => {
    expect(searchRoads(roads, "Kim Mã").map((road) => road.road_id)).toEqual(["1", "2"]);
  });

  test("d finds đ and words may come in any order", () => {
    expect(searchRoads(roads, "doi").map((road) => road.road_id)).toEqual(["3"]);
    expect(searchRoads(roads, "lang duong").map((road) => road.road_id)).toEqual(["5"]);
  });

  test("an empty query finds nothing and the limit holds", () => {
    expect(searchRoads(roads, "  ")).toEqual([]);
    expect(searchRoads(roads, "kim", 2)).toHaveLength(2);
  });
});

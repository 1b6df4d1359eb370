import { describe, expect, it } from "vitest";
import { memoByText } from "../../src/domain/text-memo.js";

describe("memoByText", () => {
  it("reads each text once and gives the same value after", () => {
    const read: string[] = [];
    const length = memoByText((text) => {
      read.push(text);
      return text.length;
    });
    expect([length("abc"), length("abcd"), length("abc")]).toEqual([3, 4, 3]);
    expect(read).toEqual(["abc", "abcd"]);
  });

  it("remembers a false or undefined reading too (it is not read again)", () => {
    let reads = 0;
    const never = memoByText((_text) => {
      reads++;
      return undefined;
    });
    never("x");
    never("x");
    expect(reads).toBe(1);
  });

  it("forgets everything when full, so its memory stays bounded", () => {
    const read: string[] = [];
    const upper = memoByText((text) => {
      read.push(text);
      return text.toUpperCase();
    }, 2);
    upper("a");
    upper("b");
    upper("c"); // full: cleared, then "c" kept
    upper("a");
    expect(read).toEqual(["a", "b", "c", "a"]);
    expect(upper("c")).toBe("C");
    expect(read).toHaveLength(4);
  });
});

import { describe, expect, it } from "vitest";
import { backupId, backupsToDelete } from "../../worker/backup/retention";

const day = (d: number) => `2026-11-${String(d).padStart(2, "0")}T03-40-00Z`;

describe("backup retention", () => {
  it("names backups by UTC time, without colons, in sortable form", () => {
    expect(backupId(new Date("2026-11-27T03:40:12.345Z"))).toBe("2026-11-27T03-40-12Z");
  });

  it("keeps the N newest finished backups and deletes older ones", () => {
    const ids = [day(3), day(1), day(5), day(2), day(4)];
    expect(backupsToDelete(ids, new Set(ids), 3)).toEqual([day(2), day(1)]);
    expect(backupsToDelete(ids, new Set(ids), 7)).toEqual([]);
  });

  it("does not count unfinished backups, and keeps the newer ones (one may be running)", () => {
    const ids = [day(1), day(2), day(3), day(4)];
    expect(backupsToDelete(ids, new Set([day(1), day(2), day(3)]), 2)).toEqual([day(1)]);
    // Fewer finished backups than asked for: delete nothing.
    expect(backupsToDelete(ids, new Set([day(4)]), 2)).toEqual([]);
  });

  it("always keeps at least one", () => {
    expect(backupsToDelete([day(1), day(2)], new Set([day(1), day(2)]), 0)).toEqual([day(1)]);
  });
});

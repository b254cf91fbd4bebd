// The host's change events are registered once for every part of the pane that follows typing
// (src/app/cellChanges.ts): made with the first listener, stopped with the last.
import { sharedCellChanges, type CellsChangeListener } from "../../src/app";

test("the host's registration is shared: made with the first listener, stopped with the last", () => {
  const told: string[] = [];
  let host: CellsChangeListener | undefined;
  let stops = 0;
  const changes = sharedCellChanges({
    watchCells: (l) => {
      host = l;
      return () => ((host = undefined), stops++);
    },
  })!;
  const a = changes((e) => told.push(`a:${e?.cells.join() ?? "all"}`));
  const b = changes((e) => told.push(`b:${e?.cells.join() ?? "all"}`));
  host!({ sheet: "台账", cells: ["G4"] });
  a();
  host!(undefined);
  expect(told).toEqual(["a:G4", "b:G4", "b:all"]);
  b();
  expect(host).toBeUndefined();
  expect(stops).toBe(1);
  // A second stop of the same subscription stops nothing more.
  b();
  expect(stops).toBe(1);
  // A new listener registers again.
  changes(() => undefined);
  expect(host).toBeDefined();
  expect(sharedCellChanges({})).toBeUndefined();
});

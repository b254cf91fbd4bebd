// The port's primitives, one by one, on every host: what `read` returns and what each operation of
// `apply` leaves in the workbook, as a person would see it. The procedures over them are tested once
// (tests/book.test.ts); this suite is what makes them behave the same on every host.
import { HostError, type Op } from "../../src/app/port";
import { METADATA_SHEET } from "../../src/core/metadata";
import { DIRECTORY, LEDGER, type Harness } from "./port";

const R = (top: number, left: number, bottom = top, right = left) => ({ top, left, bottom, right });

export function primitiveContract(h: Harness): void {
  const lacks = (what: "notes") => !!h.lacks?.has(what);
  describe(`the port's primitives: ${h.name}`, () => {
    test("read: looks (a person's fill and note, no fill, no note) and contents, protection, the sheet list; missing sheets left out", async () => {
      const w = await h.make({ sheets: [LEDGER, DIRECTORY] });
      const r = await w.port.read({ looks: [{ sheet: "台账", cells: ["D3", "D4"] }, { sheet: "没有", cells: ["A1"] }], contents: [{ sheet: "台账", cells: ["A3", "B3", "D3"] }], protection: ["台账", "没有"] });
      expect(r.sheets).toEqual([
        { name: "台账", visible: true },
        { name: "部门目录", visible: true },
      ]);
      expect(r.active).toBe("台账");
      expect(r.structureProtected).toBe(false);
      expect(r.protectedSheets).toEqual([]);
      expect(typeof r.identity).toBe("string");
      const looks = r.looks.get("台账")!;
      expect(looks.get("D3")!.fill?.color.toUpperCase()).toBe("#DDEBF7");
      expect(looks.get("D4")!.fill).toBeNull();
      expect(looks.get("D3")!.note).toBe(lacks("notes") ? undefined : "由区园林局填写");
      expect(looks.get("D4")!.note).toBe(lacks("notes") ? undefined : null);
      expect(looks.get("D3")!.noteWritable).toBe(!lacks("notes"));
      expect(r.looks.has("没有")).toBe(false);
      const contents = r.contents.get("台账")!;
      expect(contents.get("A3")).toMatchObject({ formula: 1, text: "1" });
      expect(contents.get("B3")).toMatchObject({ formula: "新建口袋公园3个。", text: "新建口袋公园3个。" });
      expect(contents.get("D3")).toMatchObject({ formula: "", text: "" });
    });

    test("values: text stays text (never a formula), numbers stay numbers, null empties a cell", async () => {
      const w = await h.make({ sheets: [LEDGER, DIRECTORY] });
      await w.port.apply([{ op: "values", sheet: "台账", row: 2, col: 3, rows: [["=SUM(1,2)", 42], [null, "0012"]] }], "write");
      expect(w.look("台账", "D3").value).toBe("=SUM(1,2)");
      expect(w.look("台账", "E3").value).toBe(42);
      expect(w.look("台账", "D4").value).toBeNull();
      expect(w.look("台账", "E4").value).toBe("0012");
      const r = await w.port.read({ contents: [{ sheet: "台账", cells: ["D3", "E3"] }] });
      expect(r.contents.get("台账")!.get("D3")!.text).toBe("=SUM(1,2)");
      expect(r.contents.get("台账")!.get("E3")!.text).toBe("42");
    });

    test("content and numberFormat: what a cell held is put back as it was read", async () => {
      const w = await h.make({ sheets: [LEDGER, DIRECTORY] });
      const before = (await w.port.read({ contents: [{ sheet: "台账", cells: ["B3", "A3"] }] })).contents.get("台账")!;
      await w.port.apply([{ op: "values", sheet: "台账", row: 2, col: 0, rows: [["x", "y"]] }], "write");
      const { text: _b, ...b3 } = before.get("B3")!;
      const { text: _a, ...a3 } = before.get("A3")!;
      await w.port.apply([{ op: "content", sheet: "台账", cell: "B3", content: b3 }, { op: "content", sheet: "台账", cell: "A3", content: a3 }], "undo");
      expect(w.look("台账", "B3").value).toBe("新建口袋公园3个。");
      expect(w.look("台账", "A3").value).toBe(1);
      const after = (await w.port.read({ contents: [{ sheet: "台账", cells: ["B3", "A3"] }] })).contents.get("台账")!;
      expect(after.get("A3")!.numberFormat).toBe(before.get("A3")!.numberFormat);
      await w.port.apply([{ op: "numberFormat", sheet: "台账", cell: "A3", format: "@" }], "undo");
      expect((await w.port.read({ contents: [{ sheet: "台账", cells: ["A3"] }] })).contents.get("台账")!.get("A3")!.numberFormat).toBe("@");
    });

    test("fill and note: set, taken away, and a read look put back exactly", async () => {
      const w = await h.make({ sheets: [LEDGER, DIRECTORY] });
      const look = (await w.port.read({ looks: [{ sheet: "台账", cells: ["D3", "D4"] }] })).looks.get("台账")!;
      await w.port.apply(
        [
          { op: "fill", sheet: "台账", cells: ["D3", "D4", "C5"], fill: { color: "#FFC7CE" } },
          ...(lacks("notes") ? [] : ([{ op: "note", sheet: "台账", cell: "D4", text: "督办助手：未填进展", had: false }, { op: "note", sheet: "台账", cell: "D3", text: null, had: true }] as Op[])),
        ],
        "mark",
      );
      expect(["D3", "D4", "C5"].map((c) => w.look("台账", c).fill)).toEqual(["#FFC7CE", "#FFC7CE", "#FFC7CE"]);
      if (!lacks("notes")) expect([w.look("台账", "D4").note, w.look("台账", "D3").note]).toEqual(["督办助手：未填进展", null]);
      await w.port.apply(
        [
          { op: "fill", sheet: "台账", cells: ["D3"], fill: look.get("D3")!.fill },
          { op: "fill", sheet: "台账", cells: ["D4", "C5"], fill: null },
          ...(lacks("notes") ? [] : ([{ op: "note", sheet: "台账", cell: "D4", text: null, had: true }, { op: "note", sheet: "台账", cell: "D3", text: "由区园林局填写", had: false }] as Op[])),
        ],
        "clear",
      );
      expect(w.look("台账", "D3")).toEqual({ value: null, fill: "#DDEBF7", note: "由区园林局填写" });
      expect(w.look("台账", "D4")).toEqual({ value: "正在推进", fill: null, note: null });
      const again = (await w.port.read({ looks: [{ sheet: "台账", cells: ["D3"] }] })).looks.get("台账")!;
      expect(again.get("D3")).toEqual(look.get("D3"));
    });

    test("sheets: added at a position or the end (very hidden too), renamed, moved, deleted; the active sheet stays until activated", async () => {
      const w = await h.make({ sheets: [LEDGER, DIRECTORY] });
      await w.port.apply(
        [
          { op: "addSheet", name: "甲", position: 1 },
          { op: "addSheet", name: "乙" },
          { op: "addSheet", name: "藏", veryHidden: true },
          { op: "renameSheet", from: "乙", to: "丙" },
          { op: "moveSheet", name: "丙", position: 0 },
        ],
        "add-sheet",
      );
      expect(w.sheets()).toEqual([
        { name: "丙", visibility: "visible" },
        { name: "台账", visibility: "visible" },
        { name: "甲", visibility: "visible" },
        { name: "部门目录", visibility: "visible" },
        { name: "藏", visibility: "veryHidden" },
      ]);
      expect(w.active()).toBe("台账");
      await w.port.apply([{ op: "deleteSheet", name: "藏" }, { op: "deleteSheet", name: "甲" }, { op: "activate", sheet: "丙", cell: "B2" }], "summary");
      expect(w.sheets().map((s) => s.name)).toEqual(["丙", "台账", "部门目录"]);
      expect(w.active()).toBe("丙");
      expect(w.selected()).toEqual({ sheet: "丙", cell: "B2" });
      const r = await w.port.read({});
      expect(r.sheets.map((s) => s.name)).toEqual(["丙", "台账", "部门目录"]);
    });

    test("merge, hidden columns, protection with open ranges", async () => {
      const w = await h.make({ sheets: [LEDGER, DIRECTORY] });
      await w.port.apply(
        [
          { op: "addSheet", name: "表" },
          { op: "values", sheet: "表", row: 0, col: 0, rows: [["标题"], ["a", "b", "c"], ["1", "2", "3"]] },
          { op: "merge", sheet: "表", range: R(0, 0, 0, 2) },
          { op: "hideColumns", sheet: "表", columns: [2] },
          { op: "protect", sheet: "表", open: [R(2, 1), R(1, 0, 1, 1)] },
        ],
        "add-sheet",
      );
      expect(w.merges("表")).toEqual(["A1:C1"]);
      expect(w.hiddenColumns("表")).toEqual([2]);
      expect(w.isProtected("表")).toBe(true);
      expect(["B3", "A2", "B2", "A3", "C3"].map((c) => w.locked("表", c))).toEqual([false, false, false, true, true]);
      const r = await w.port.read({ protection: ["表", "台账"] });
      expect(r.protectedSheets).toEqual(["表"]);
    });

    test("metadata: the rows as text in a very hidden sheet, written over, the active sheet kept", async () => {
      const w = await h.make({ sheets: [LEDGER, DIRECTORY], active: "部门目录" });
      const rows = [
        ["类型", "工作表", "单元格", "键", "内容"],
        ["mark", "台账", "D3", "missing", '{"v":2}'],
        ["write", "台账", "D4", "合并回报", "=1+1"],
      ];
      await w.port.apply([{ op: "metadata", rows }], "mark");
      expect(w.sheets().find((s) => s.name === METADATA_SHEET)?.visibility).toBe("veryHidden");
      expect(w.active()).toBe("部门目录");
      await w.port.apply([{ op: "metadata", rows: rows.slice(0, 2) }], "clear");
      const r = await w.port.read({ metadata: true });
      expect(r.metadata!.rows.map((row) => [...row])).toEqual(rows.slice(0, 2));
      expect(w.metadataRows()).toEqual(rows.slice(0, 2));
    });

    test("a grid of a sheet that does not exist is an error; an operation that fails is a HostError", async () => {
      const w = await h.make({ sheets: [LEDGER, DIRECTORY] });
      await expect(w.port.read({ grids: [{ name: "没有" }] })).rejects.toMatchObject({ detail: { code: "sheet-missing" } });
      const e = await w.port.apply([{ op: "renameSheet", from: "没有", to: "有" }], "summary").catch((x: unknown) => x);
      expect(e).toBeInstanceOf(HostError);
    });
  });
}

// `npm start`: checks the sample ledger from seeds/ and says what to try next.
import * as path from "path";
import { run } from "../cli/main";

const sample = path.join("seeds", "2019江汉区政府工作报告责任分解台账.xlsx");

run(["check", sample]).then((code) => {
  console.log(
    [
      "",
      "—— 以上是对示例台账的检查结果。接下来可以：",
      `  npx duban check 你的台账.xlsx                 检查自己的台账`,
      `  npx duban check ${sample} --json   以 JSON 输出`,
      `  npx duban directory 你的台账.xlsx -o 目录.xlsx  从台账生成部门目录草稿`,
    ].join("\n"),
  );
  // Findings are the expected outcome on the sample; only bad input fails the script.
  process.exitCode = code === 2 ? 2 : 0;
});

// A task's class for the quarter (已完成 / 超进度 / 达进度 / 欠进度 / 未报送) as a colour: a small square
// before a finding, with the class and its reason on hover, and the legend above the lists.
import * as React from "react";
import { Text, makeStyles, tokens } from "@fluentui/react-components";
import { BULLETIN_CLASSES, classLabel, classReasonText, paneText, type BulletinClass, type ClassReason, type Lang } from "../../app";

/** Green for done, blue ahead, light green on track, orange behind, red not reported. */
export const CLASS_COLORS: Readonly<Record<BulletinClass, string>> = {
  已完成: "#107C10",
  超进度: "#0F6CBD",
  达进度: "#8CBD18",
  欠进度: "#F7630C",
  未报送: "#C50F1F",
};

const useStyles = makeStyles({
  mark: { display: "inline-block", width: "9px", height: "9px", borderRadius: "2px", marginRight: tokens.spacingHorizontalXS, verticalAlign: "baseline" },
  legend: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, margin: `${tokens.spacingVerticalXS} 0` },
});

export function TaskClassMark({ taskClass, reason, lang }: { taskClass: BulletinClass; reason?: ClassReason; lang: Lang }): React.JSX.Element {
  const styles = useStyles();
  const label = classLabel(taskClass, lang);
  const title = reason ? paneText(lang).labelled(label, classReasonText(reason, lang)) : label;
  return <span className={styles.mark} style={{ background: CLASS_COLORS[taskClass] }} role="img" aria-label={label} title={title} data-class={taskClass} />;
}

export function TaskClassLegend({ lang, counts }: { lang: Lang; counts?: Readonly<Record<BulletinClass, number>> }): React.JSX.Element {
  const styles = useStyles();
  return (
    <div className={styles.legend} aria-label="classes">
      {BULLETIN_CLASSES.map((c) => (
        <Text key={c} size={200}>
          <TaskClassMark taskClass={c} lang={lang} />
          {classLabel(c, lang)}
          {counts ? ` ${counts[c]}` : ""}
        </Text>
      ))}
    </div>
  );
}

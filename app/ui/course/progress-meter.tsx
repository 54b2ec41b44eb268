import styles from './course-outline.module.css';

/** "3/13 레슨 완료" with a bar; `label` names what is measured for screen readers. */
export function ProgressMeter({ done, total, label, className }: { done: number; total: number; label: string; className?: string }) {
  const percent = total ? Math.round((done / total) * 100) : 0;
  return (
    <div className={`${styles.progress} ${className ?? ''}`}>
      <span>
        {done}/{total} 레슨 완료
      </span>
      <progress value={done} max={total || 1} aria-label={`${label} 진도 ${percent}%`} />
    </div>
  );
}

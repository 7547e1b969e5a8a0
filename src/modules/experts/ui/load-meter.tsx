import { useTranslation } from 'react-i18next';

/** How full an expert's caseload is, in words (colour only repeats it). */
export type LoadLevel = 'open' | 'nearly_full' | 'full';

export function loadLevel(activeFiles: number, capacity: number): LoadLevel {
  if (activeFiles >= capacity) return 'full';
  return activeFiles >= capacity * 0.85 ? 'nearly_full' : 'open';
}

/**
 * Active files against capacity: a bar for the eye, and the same facts in text for everyone (the bar is
 * hidden from assistive technologies, and its meaning never rests on its colour alone: the level is
 * written next to it). SVG attributes draw the bar, since the Content-Security-Policy forbids inline
 * styles.
 */
export function LoadMeter({
  activeFiles,
  capacity,
  shown,
}: {
  activeFiles: number;
  capacity: number;
  /** The numbers as the reader writes them: active files, capacity, share, places left. */
  shown: { activeFiles: string; capacity: string; percent: string; free: string };
}) {
  const { t } = useTranslation('experts');
  const level = loadLevel(activeFiles, capacity);
  const width = capacity > 0 ? Math.min(100, (activeFiles / capacity) * 100) : 100;
  return (
    <div className={`load load-${level}`}>
      <span className="load-figures">
        {t('ui.load.files', { files: shown.activeFiles, capacity: shown.capacity })}
      </span>
      <svg className="load-bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
        <rect className="load-track" x="0" y="0" width="100" height="10" />
        <rect className="load-fill" x="0" y="0" width={width} height="10" />
      </svg>
      <span className="load-words">
        {level === 'full'
          ? t('ui.load.full', { percent: shown.percent })
          : t(`ui.load.${level}`, { percent: shown.percent, free: shown.free })}
      </span>
    </div>
  );
}

/**
 * Charts with Apache ECharts, loaded on first use (a separate chunk: the initial bundle stays small). Only the
 * parts used are registered (echarts-setup.ts: heat map, line, canvas). Every chart is an image with a text label, and its
 * numbers are also in a table next to it (screen readers, copying).
 */
import { useEffect, useRef, useState } from 'react';

type Option = Record<string, unknown>;
type ECharts = { setOption(o: Option): void; resize(): void; dispose(): void };

let loading: Promise<(el: HTMLElement) => ECharts> | undefined;
function loadECharts() {
  // One dynamic import of a module with static imports: the chunk holds only the parts registered there.
  return (loading ??= import('./echarts-setup').then(
    ({ init }) =>
      (el: HTMLElement) =>
        init(el) as unknown as ECharts,
  ));
}

export function Chart({ option, label }: { option: Option; label: string }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts>(undefined);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let alive = true;
    loadECharts().then(
      (init) => {
        if (!alive || !box.current) return;
        chart.current ??= init(box.current);
        chart.current.setOption(option);
      },
      () => setFailed(true),
    );
    return () => {
      alive = false;
    };
  }, [option]);
  useEffect(() => {
    const resize = () => chart.current?.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.current?.dispose();
      chart.current = undefined;
    };
  }, []);
  if (failed) return <p className="muted">The chart could not be loaded; the numbers are in the table.</p>;
  return <div ref={box} className="chart" role="img" aria-label={label} data-testid="chart" />;
}

/**
 * A chart the server drew (`barChartSvg`, bar-chart.server.ts), inserted as it came: its markup is
 * built through a DOM whose every text is escaped, never by joining strings.
 */
export function Chart({ svg }: { svg: string }) {
  // biome-ignore lint/security/noDangerouslySetInnerHtml: markup made on the server from escaped text, see above.
  return <div className="chart-frame" dangerouslySetInnerHTML={{ __html: svg }} />;
}

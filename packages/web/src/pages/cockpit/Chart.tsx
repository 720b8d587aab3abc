import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { LineChart, MapChart } from 'echarts/charts';
import { GeoComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { CSSProperties } from 'react';

// Only the parts the cockpit and the indicator pages draw, with the SVG renderer: a smaller bundle,
// crisp on the display wall, and it works where canvas does not (jsdom).
echarts.use([
  LineChart,
  MapChart,
  GeoComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  SVGRenderer,
]);

/** Registers a map's outlines once per name (a region code); echarts keeps them globally. */
export function registerMap(name: string, geoJson: object): void {
  if (!echarts.getMap(name)) echarts.registerMap(name, geoJson as Parameters<typeof echarts.registerMap>[1]);
}

// echarts' option type is a deep union; the pages build plain objects checked by their tests.
type ChartEvents = Record<string, (params: { name?: string; data?: unknown }) => void>;

interface ChartProps {
  option: object;
  /** Class of the wrapper, which sets the chart's height. */
  className?: string;
  style?: CSSProperties;
  onEvents?: ChartEvents;
  testId?: string;
}

export function Chart({ option, className, style, onEvents, testId }: ChartProps) {
  return (
    <div className={className} style={style} data-testid={testId}>
      <ReactEChartsCore
        echarts={echarts}
        option={option}
        notMerge
        opts={{ renderer: 'svg' }}
        style={{ height: '100%', width: '100%' }}
        onEvents={onEvents}
      />
    </div>
  );
}

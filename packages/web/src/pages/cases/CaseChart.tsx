import * as echarts from 'echarts/core';
import { BarChart, ScatterChart } from 'echarts/charts';
import { VisualMapComponent } from 'echarts/components';

// The cockpit's chart wrapper registers lines, maps, grids, legends and tooltips with the SVG
// renderer; case statistics also draw bars, the map draws points and a colour scale.
echarts.use([BarChart, ScatterChart, VisualMapComponent]);

export { Chart } from '../cockpit/Chart.tsx';

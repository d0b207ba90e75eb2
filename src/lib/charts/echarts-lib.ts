/** The parts of ECharts the dashboard draws with; imported by name so the bundle keeps only these. Loaded lazily by echarts.ts. */
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { AxisBreak } from 'echarts/features';
import { CanvasRenderer } from 'echarts/renderers';

// AxisBreak: the planning curve's axis, when it does not start at 0, shows the cut as a zigzag.
use([LineChart, BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer, AxisBreak]);

export { init };

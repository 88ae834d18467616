// Chart.js with only what the value/effort matrix uses (bubbles on two linear scales, a tooltip).
// Imported dynamically by value-effort-matrix.tsx, so it loads on the prioritisation page only.
import { BubbleController, Chart, LinearScale, PointElement, Tooltip } from 'chart.js';

Chart.register(BubbleController, PointElement, LinearScale, Tooltip);

export { Chart };

// Chart.js with only what the summary's two charts use (bars, a line, two scales, tooltip, legend).
// Imported dynamically by portfolio-chart.tsx so that it never weighs on the first load.
import { BarController, BarElement, CategoryScale, Chart, Legend, LineController, LineElement, LinearScale, PointElement, Tooltip } from 'chart.js';

Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Tooltip, Legend);

export { Chart };

// One business-case pipeline, pure so that the server, the executive summary and the what-if panel
// in the browser run the same code (big.js is its only dependency). DESIGN.md "Formulas" and its
// worked example, reproduced to the cent, are the specification:
//   cash-flows.ts  yearly benefits, costs and nets, totals, ROI, present values, NPV, payback
//   kpi-lines.ts   each linked KPI's gap, value per unit, impact, share, realised benefit, warnings
//   portfolio.ts   the summary's roll-up: summed years, ranking, double counting, top measures
//   csv.ts         the business case and the summary as CSV rows
//   realised-value.ts  planned vs realised benefit by month since a start, objective progress
export * from './cash-flows';
export * from './kpi-lines';
export * from './portfolio';
export * from './csv';
export * from './realised-value';

// The impact report's CSV is written by the one CSV writer every export uses.
export { csvCell, toCsv, type Cell } from '../shared/csv';

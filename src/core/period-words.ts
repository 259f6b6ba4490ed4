/** How a period is worded lives with the other period facts in periods.ts; kept so existing imports resolve. */
export { periodPhrase, periodTitle } from './periods';

// CONNECT: expertise profiles, expertise search, partner recommendation and its backtest.
export {}

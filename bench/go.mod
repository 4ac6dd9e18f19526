module github.com/quotetone/quotetone/bench

go 1.26.8

require github.com/jonreiter/govader v0.0.0-20250429093935-f6505c8d03cc

require gonum.org/v1/gonum v0.8.2 // indirect

// The flags the OCPP server's Node process starts with, wherever it is started (npm start, npm run ocpp, the test
// runner, the benchmark). V8 reads them only at start: v8.setFlagsFromString cannot change them later.
//
// A young generation of 2 × 64 MiB instead of 2 × 16 MiB: at 19,000 chargers and 2,000 MeterValues/s the server ran
// a scavenge about 6 times a second, each pausing every charger's answer for 15–25 ms (11–13 s of GC pauses in a
// benchmark run). With this, about a third as many and 6–8 s in all (README, Performance). package.json's "ocpp"
// script and ocpp-server/README.md write the same flag out.
export const OCPP_NODE_FLAGS = ['--max-semi-space-size=64'];

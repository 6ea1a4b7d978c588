import Testing

/// The suites that run many child processes (the built binary, bash loops), run one test
/// at a time. A test body blocks its thread while its children run; run side by side on a
/// loaded 2-core machine, tests waited for a thread after their 10-minute hang guard had
/// started. One at a time, each guard counts its own test's run; the in-process suites
/// keep the other thread.
@Suite(.serialized)
struct ChildProcessSuites {}

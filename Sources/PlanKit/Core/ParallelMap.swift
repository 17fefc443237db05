import Dispatch
import Foundation

/// `map` spread over the machine's cores, keeping the order; small inputs stay on one thread.
enum ParallelMap {
    static func map<Element: Sendable, Result: Sendable>(_ elements: [Element], minimum: Int = 16,
                                                         _ transform: @Sendable (Element) -> Result) -> [Result] {
        guard elements.count >= minimum else { return elements.map(transform) }
        // Each task initialises its own element of the result, in place: no array of optionals
        // to copy out of afterwards, which would hold the results twice (lint's peak memory,
        // where the results are every parsed file of the plan).
        return Array(unsafeUninitializedCapacity: elements.count) { buffer, initialized in
            let results = ResultElements(base: buffer.baseAddress!)
            DispatchQueue.concurrentPerform(iterations: elements.count) { index in
                results.initialize(index, to: transform(elements[index]))
            }
            initialized = elements.count
        }
    }
}

/// The uninitialised elements of `map`'s result, handed to its tasks: each initialises only its
/// own index, once, and concurrentPerform returns only after every task has finished.
private struct ResultElements<Value>: @unchecked Sendable {
    let base: UnsafeMutablePointer<Value>

    func initialize(_ index: Int, to value: consuming Value) {
        (base + index).initialize(to: value)
    }
}

extension ParallelMap {
    /// Makes each input on the calling thread, one after another (reading blobs through one
    /// libgit2 repository, which is not to be shared between threads), while the other cores
    /// transform the inputs already made; once every input is made, the calling thread
    /// transforms too. One helper thread fewer than the cores, so that making the inputs is
    /// never held up by the transforms. Results come back in input order.
    static func pipelined<Input: Sendable, Result: Sendable>(count: Int, minimum: Int = 16, produce: (Int) -> Input,
                                                             _ transform: @escaping @Sendable (Input) -> Result) -> [Result] {
        let helpers = min(ProcessInfo.processInfo.activeProcessorCount, count) - 1
        guard count >= minimum, helpers > 0 else { return (0..<count).map { transform(produce($0)) } }
        let work = PipelinedWork<Input, Result>(count: count, transform: transform)
        // Threads of their own, not Dispatch's pool: its first use in a process starts its
        // worker threads one after another, and a diff's helper began a millisecond and more
        // after the first blob was read. Should none start, this thread transforms everything.
        let threads = (0..<helpers).compactMap { _ in HelperThread { work.transformUntilDone() } }
        for index in 0..<count {
            work.put(produce(index), at: index)
        }
        work.transformUntilDone()
        for thread in threads { thread.join() }
        return work.results()
    }
}

/// A thread running one closure, joined once.
private final class HelperThread {
    private final class Body {
        let run: @Sendable () -> Void
        init(_ run: @escaping @Sendable () -> Void) { self.run = run }
    }

    private let thread: pthread_t

    /// Starts `body` on a new thread; nil when no thread can be made.
    init?(_ body: @escaping @Sendable () -> Void) {
        let context = Unmanaged.passRetained(Body(body)).toOpaque()
        var thread = pthread_t()
        let started = pthread_create(&thread, nil, { context in
            Unmanaged<Body>.fromOpaque(context!).takeRetainedValue().run()
            return nil
        }, context)
        guard started == 0 else {
            Unmanaged<Body>.fromOpaque(context).release()
            return nil
        }
        self.thread = thread
    }

    /// Waits until the closure has returned.
    func join() {
        pthread_join(thread, nil)
    }
}

/// The inputs of `pipelined` as they are made, and their results: every thread takes the next
/// input not yet taken (waiting while it is not yet made), so that each is transformed once.
private final class PipelinedWork<Input: Sendable, Result: Sendable>: @unchecked Sendable {
    private let count: Int
    private let transform: @Sendable (Input) -> Result
    /// Guards everything below.
    private let condition = NSCondition()
    /// The inputs made and not yet taken; `made` of them so far, the next to take `taken`.
    private var inputs: [Input?]
    private var made = 0
    private var taken = 0
    private var slots: [Result?]

    init(count: Int, transform: @escaping @Sendable (Input) -> Result) {
        self.count = count
        self.transform = transform
        inputs = Array(repeating: nil, count: count)
        slots = Array(repeating: nil, count: count)
    }

    /// The input at `index`, made: inputs are put in order.
    func put(_ input: Input, at index: Int) {
        condition.lock()
        inputs[index] = input
        made = index + 1
        condition.signal()
        condition.unlock()
    }

    /// Takes inputs and transforms them until every input is taken.
    func transformUntilDone() {
        while true {
            condition.lock()
            while taken == made && taken < count { condition.wait() }
            guard taken < count else {
                // Whoever else waits can stop too.
                condition.broadcast()
                condition.unlock()
                return
            }
            let index = taken
            taken += 1
            let input = inputs[index].take()!
            condition.unlock()
            let result = transform(input)
            condition.lock()
            slots[index] = result
            condition.unlock()
        }
    }

    /// The results in input order; once every thread has returned from `transformUntilDone`.
    func results() -> [Result] {
        condition.lock()
        defer { condition.unlock() }
        return slots.map { $0! }
    }
}

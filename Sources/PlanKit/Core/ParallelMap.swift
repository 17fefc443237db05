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
    /// libgit2 repository, which is not to be shared between threads), and hands it at once to
    /// the other cores to transform: reading and parsing overlap, where `map` would parse only
    /// once everything is read. Results come back in input order.
    static func pipelined<Input: Sendable, Result: Sendable>(count: Int, minimum: Int = 16, produce: (Int) -> Input,
                                                             _ transform: @escaping @Sendable (Input) -> Result) -> [Result] {
        guard count >= minimum else { return (0..<count).map { transform(produce($0)) } }
        let slots = ParallelResultSlots<Result>(count: count)
        let group = DispatchGroup()
        let queue = DispatchQueue.global(qos: .userInitiated)
        for index in 0..<count {
            let input = produce(index)
            queue.async(group: group) { slots.set(index, transform(input)) }
        }
        group.wait()
        return slots.values.map { $0! }
    }
}

/// One slot per task of `pipelined`: each task writes only its own slot, under a lock.
private final class ParallelResultSlots<Value: Sendable>: @unchecked Sendable {
    private var slots: [Value?]
    private let lock = NSLock()

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    func set(_ index: Int, _ value: Value) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    var values: [Value?] {
        lock.lock()
        defer { lock.unlock() }
        return slots
    }
}

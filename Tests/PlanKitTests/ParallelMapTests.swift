import Foundation
import Synchronization
import TestSupport
import Testing
@testable import PlanKit

/// The parallel maps give what a plain `map` gives, in order, each input transformed once;
/// `pipelined` makes every input on the calling thread, in order.
@Suite struct ParallelMapTests {
    /// Sizes below, at and above the threshold under which both stay on one thread.
    static let sizes = [0, 1, 15, 16, 17, 100, 1_000]

    @Test(arguments: sizes) func mapKeepsOrderAndTransformsEachOnce(count: Int) {
        let calls = Mutex([Int](repeating: 0, count: count))
        let results = ParallelMap.map(Array(0..<count)) { value -> String in
            calls.withLock { $0[value] += 1 }
            return "item \(value)"
        }
        #expect(results == (0..<count).map { "item \($0)" })
        #expect(calls.withLock { $0 }.allSatisfy { $0 == 1 })
    }

    @Test(arguments: sizes) func pipelinedKeepsOrderTransformsEachOnceAndMakesInputsHere(count: Int) {
        let caller = pthread_self()
        var made: [Int] = []
        let calls = Mutex([Int](repeating: 0, count: count))
        let results = ParallelMap.pipelined(count: count, produce: { index -> [Int] in
            #expect(pthread_equal(pthread_self(), caller) != 0)
            made.append(index)
            return [index, index * 2]
        }) { input -> Int in
            calls.withLock { $0[input[0]] += 1 }
            return input[0] + input[1]
        }
        #expect(made == Array(0..<count))
        #expect(results == (0..<count).map { $0 * 3 })
        #expect(calls.withLock { $0 }.allSatisfy { $0 == 1 })
    }

    /// Transforms of uneven cost, finishing out of order, and inputs made slowly: the results
    /// still come back in input order, whichever thread made each.
    @Test func pipelinedUnderUnevenWork() {
        var generator = SplitMix64(state: 23)
        for _ in 0..<20 {
            let count = Int.random(in: 16...300, using: &generator)
            let costs = (0..<count).map { _ in Int.random(in: 0...2_000, using: &generator) }
            let results = ParallelMap.pipelined(count: count, produce: { index -> (Int, Int) in
                if index % 7 == 0 { usleep(50) }
                return (index, costs[index])
            }) { input -> Int in
                var sum = 0
                for step in 0..<input.1 { sum &+= step }
                return input.0 &* 31 &+ sum
            }
            #expect(results == (0..<count).map { index in
                var sum = 0
                for step in 0..<costs[index] { sum &+= step }
                return index &* 31 &+ sum
            })
        }
    }
}

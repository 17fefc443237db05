import Foundation
import Testing
@testable import PlanGit

/// `DeferredRandomSeed`: mbedTLS's entropy pool and random generator, put off while libgit2
/// starts, are started and seeded before anything reads from them. Called directly on
/// mbedTLS's own structures (the test binary need not export the definitions, as plantool's does).
@Suite(.serialized) struct DeferredRandomSeedTests {
    typealias Init = @convention(c) (UnsafeMutableRawPointer?) -> Void
    typealias Random = @convention(c) (UnsafeMutableRawPointer?, UnsafeMutablePointer<UInt8>?, Int) -> Int32

    /// mbedTLS's own function (past any definition in the test binary), once libgit2 has loaded it.
    func mbedTLS<Function>(_ name: String, as type: Function.Type) throws -> Function {
        Git.ensureInitialised()
        return try #require(NetworkStartUp.next(name, as: type), "mbedTLS has no \(name)")
    }

    /// Room for an mbedTLS context (the entropy pool's, with its HAVEGE state, is about 5 KB),
    /// zeroed, freed after `body`.
    func withContext<T>(_ body: (UnsafeMutableRawPointer) throws -> T) rethrows -> T {
        let memory = UnsafeMutableRawPointer.allocate(byteCount: 1 << 16, alignment: 64)
        memory.initializeMemory(as: UInt8.self, repeating: 0, count: 1 << 16)
        defer { memory.deallocate() }
        return try body(memory)
    }

    /// mbedTLS's own entropy function, which libgit2 passes to the seeding: the deferred seeding
    /// starts the pool before the seeding calls it.
    var entropyFunction: DeferredRandomSeed.EntropySource {
        get throws { try mbedTLS("mbedtls_entropy_func", as: DeferredRandomSeed.EntropySource.self) }
    }

    @Test("put off while libgit2 starts, the pool is started and the generator seeded before the first output")
    func deferredUntilFirstUse() throws {
        let initGenerator = try mbedTLS("mbedtls_ctr_drbg_init", as: Init.self)
        let random = try mbedTLS("mbedtls_ctr_drbg_random", as: Random.self)
        let entropyFunction = try entropyFunction
        withContext { pool in
            withContext { generator in
                withContext { unseeded in
                    initGenerator(generator)
                    let (pools, seeds) = (DeferredRandomSeed.deferredPools, DeferredRandomSeed.deferred)
                    let (started, seeded) = (DeferredRandomSeed.startedPoolsLater, DeferredRandomSeed.seededLater)
                    let seedCode = NetworkStartUp.skipping { () -> Int32 in
                        plantoolEntropyInit(pool)
                        return plantoolRandomSeed(generator, entropyFunction, pool, nil, 0)
                    }
                    #expect(seedCode == 0)
                    #expect(DeferredRandomSeed.deferredPools == pools + 1 && DeferredRandomSeed.deferred == seeds + 1)
                    // Nothing was started yet: the pool's memory is as it was.
                    #expect(UnsafeRawBufferPointer(start: pool, count: 1 << 16).allSatisfy { $0 == 0 })
                    #expect(DeferredRandomSeed.startedPoolsLater == started && DeferredRandomSeed.seededLater == seeded)

                    var output = [UInt8](repeating: 0, count: 64)
                    #expect(plantoolRandom(generator, &output, output.count) == 0)
                    #expect(DeferredRandomSeed.startedPoolsLater == started + 1 && DeferredRandomSeed.seededLater == seeded + 1)
                    #expect(output.contains { $0 != 0 })
                    // A generator used without seeding answers from an all-zero key: the seeded
                    // one's output is not that.
                    initGenerator(unseeded)
                    var predictable = [UInt8](repeating: 0, count: 64)
                    _ = random(unseeded, &predictable, predictable.count)
                    #expect(output != predictable)
                    // Seeded once: a second output seeds nothing again, and differs.
                    var second = [UInt8](repeating: 0, count: 64)
                    #expect(plantoolRandom(generator, &second, second.count) == 0)
                    #expect(DeferredRandomSeed.seededLater == seeded + 1 && second != output)
                    plantoolRandomFree(generator)
                    plantoolRandomFree(unseeded)
                    plantoolEntropyFree(pool)
                }
            }
        }
    }

    @Test("outside libgit2's start-up nothing is put off")
    func otherCallsGoStraightThrough() throws {
        let initGenerator = try mbedTLS("mbedtls_ctr_drbg_init", as: Init.self)
        let entropyFunction = try entropyFunction
        withContext { pool in
            withContext { generator in
                initGenerator(generator)
                let (pools, seeds, seeded) = (DeferredRandomSeed.deferredPools, DeferredRandomSeed.deferred, DeferredRandomSeed.seededLater)
                plantoolEntropyInit(pool)
                #expect(DeferredRandomSeed.deferredPools == pools)
                #expect(UnsafeRawBufferPointer(start: pool, count: 1 << 16).contains { $0 != 0 }, "the pool was not started")
                #expect(plantoolRandomSeed(generator, entropyFunction, pool, nil, 0) == 0)
                var output = [UInt8](repeating: 0, count: 32)
                #expect(plantoolRandom(generator, &output, output.count) == 0)
                #expect(output.contains { $0 != 0 })
                #expect(DeferredRandomSeed.deferred == seeds && DeferredRandomSeed.seededLater == seeded)
                plantoolRandomFree(generator)
                plantoolEntropyFree(pool)
            }
        }
    }

    @Test("a pool and a generator freed before their first use are dropped, never started")
    func freedBeforeUse() throws {
        let initGenerator = try mbedTLS("mbedtls_ctr_drbg_init", as: Init.self)
        let entropyFunction = try entropyFunction
        withContext { pool in
            withContext { generator in
                initGenerator(generator)
                let (started, seeded) = (DeferredRandomSeed.startedPoolsLater, DeferredRandomSeed.seededLater)
                _ = NetworkStartUp.skipping { () -> Int32 in
                    plantoolEntropyInit(pool)
                    return plantoolRandomSeed(generator, entropyFunction, pool, nil, 0)
                }
                plantoolRandomFree(generator)
                plantoolEntropyFree(pool)
                // Freed: a later use of the same memory is not taken for the deferred one.
                #expect(DeferredRandomSeed.seedIfDeferred(generator) == 0)
                #expect(DeferredRandomSeed.startIfDeferred(pool: pool))
                #expect(DeferredRandomSeed.startedPoolsLater == started && DeferredRandomSeed.seededLater == seeded)
                #expect(UnsafeRawBufferPointer(start: pool, count: 1 << 16).allSatisfy { $0 == 0 })
            }
        }
    }
}

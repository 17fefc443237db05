import Foundation
import Synchronization

/// libgit2's start-up (`git_libgit2_init`, as Debian builds it) also readies mbedTLS's random
/// generator for TLS: it starts an entropy pool (whose HAVEGE source polls the CPU's clock
/// thousands of times) and seeds the generator from it, about half a millisecond of every git
/// command's start, and plantool never makes a TLS connection. On the thread `NetworkStartUp`
/// marks, the binary's definitions below of `mbedtls_entropy_init` and `mbedtls_ctr_drbg_seed`
/// keep the pool and the generator (with the seeding's arguments) instead. The pool is started, and the
/// generator seeded with those same arguments, the first time anything asks either for output
/// or changes its state: every such function of mbedTLS's pool and generator is defined here
/// too, and finishes what was put off first. Neither is ever used unstarted or unseeded; a
/// generator whose seeding fails answers with that error, each time, as a failed seeding would
/// have. Any other call (another thread, any other time) goes straight to mbedTLS.
enum DeferredRandomSeed {
    /// `int (*f_entropy)(void *, unsigned char *, size_t)`.
    typealias EntropySource = @convention(c) (UnsafeMutableRawPointer?, UnsafeMutablePointer<UInt8>?, Int) -> Int32

    /// What `mbedtls_ctr_drbg_seed` was given for a generator, kept until it is seeded.
    struct Pending {
        let entropySource: EntropySource
        let entropy: UnsafeMutableRawPointer?
        let personalisation: [UInt8]?
    }

    /// The generators whose seeding is put off, and the entropy pools whose start is, by
    /// address. The lock is recursive, and what was put off leaves its table before mbedTLS
    /// does it: should mbedTLS call back into one of the functions below on the same thread
    /// (seeding calls the entropy function), that call goes straight on, while another thread
    /// waits until it is done.
    private final class Tables: @unchecked Sendable {
        let lock = NSRecursiveLock()
        var generators: [UnsafeMutableRawPointer: Pending] = [:]
        var pools: Set<UnsafeMutableRawPointer> = []
    }

    private static let tables = Tables()
    private static let deferredCount = Atomic<Int>(0)
    private static let seededCount = Atomic<Int>(0)
    private static let deferredPoolCount = Atomic<Int>(0)
    private static let startedPoolCount = Atomic<Int>(0)

    /// How many seedings and pool starts were put off, and how many of those were done since: a
    /// test's way of seeing that the definitions took effect.
    static var deferred: Int { deferredCount.load(ordering: .sequentiallyConsistent) }
    static var seededLater: Int { seededCount.load(ordering: .sequentiallyConsistent) }
    static var deferredPools: Int { deferredPoolCount.load(ordering: .sequentiallyConsistent) }
    static var startedPoolsLater: Int { startedPoolCount.load(ordering: .sequentiallyConsistent) }

    /// Keeps `generator`'s seeding for later, when called inside libgit2's start-up on its
    /// thread; false otherwise (the caller seeds now).
    static func putOff(_ generator: UnsafeMutableRawPointer, entropySource: EntropySource, entropy: UnsafeMutableRawPointer?,
                       personalisation: UnsafePointer<UInt8>?, length: Int) -> Bool {
        guard NetworkStartUp.isInitialisingThread else { return false }
        let custom = personalisation.map { Array(UnsafeBufferPointer(start: $0, count: length)) }
        tables.lock.lock()
        tables.generators[generator] = Pending(entropySource: entropySource, entropy: entropy, personalisation: custom)
        tables.lock.unlock()
        deferredCount.add(1, ordering: .sequentiallyConsistent)
        return true
    }

    /// Keeps `pool`'s start for later, when called inside libgit2's start-up on its thread;
    /// false otherwise (the caller starts it now).
    static func putOff(pool: UnsafeMutableRawPointer) -> Bool {
        guard NetworkStartUp.isInitialisingThread else { return false }
        tables.lock.lock()
        tables.pools.insert(pool)
        tables.lock.unlock()
        deferredPoolCount.add(1, ordering: .sequentiallyConsistent)
        return true
    }

    /// Starts `pool` now if its start was put off; false when mbedTLS's own start cannot be
    /// found (the pool stays deferred, and is not to be used).
    static func startIfDeferred(pool: UnsafeMutableRawPointer?) -> Bool {
        guard let pool else { return true }
        tables.lock.lock()
        defer { tables.lock.unlock() }
        guard tables.pools.contains(pool) else { return true }
        guard let start = mbedTLSEntropyInit else { return false }
        tables.pools.remove(pool)
        start(pool)
        startedPoolCount.add(1, ordering: .sequentiallyConsistent)
        return true
    }

    /// A pool freed before it was started: nothing of it exists to free. True when it was one.
    static func forget(pool: UnsafeMutableRawPointer?) -> Bool {
        guard let pool else { return false }
        tables.lock.lock()
        defer { tables.lock.unlock() }
        return tables.pools.remove(pool) != nil
    }

    /// Seeds `generator` now if its seeding was put off (starting its entropy pool first, if
    /// that was put off too): 0 when it is seeded (or never was put off), else mbedTLS's error
    /// from seeding it (the generator is then deferred again, so that its next use tries again
    /// rather than produce output).
    static func seedIfDeferred(_ generator: UnsafeMutableRawPointer?) -> Int32 {
        guard let generator else { return 0 }
        tables.lock.lock()
        defer { tables.lock.unlock() }
        guard let waiting = tables.generators.removeValue(forKey: generator) else { return 0 }
        guard let seed = mbedTLSSeed, startIfDeferred(pool: waiting.entropy) else {
            tables.generators[generator] = waiting
            return missingFunction
        }
        let code = waiting.personalisation.map { custom in
            custom.withUnsafeBufferPointer { seed(generator, waiting.entropySource, waiting.entropy, $0.baseAddress, $0.count) }
        } ?? seed(generator, waiting.entropySource, waiting.entropy, nil, 0)
        guard code == 0 else {
            tables.generators[generator] = waiting
            return code
        }
        seededCount.add(1, ordering: .sequentiallyConsistent)
        return 0
    }

    /// A generator freed: a deferred seeding of it is dropped (its memory may be reused).
    static func forget(_ generator: UnsafeMutableRawPointer?) {
        guard let generator else { return }
        tables.lock.lock()
        tables.generators[generator] = nil
        tables.lock.unlock()
    }

    /// MBEDTLS_ERR_CTR_DRBG_ENTROPY_SOURCE_FAILED: the answer when mbedTLS's own function
    /// cannot be found (mbedTLS not loaded at all).
    static let missingFunction: Int32 = -0x0034
    /// MBEDTLS_ERR_ENTROPY_SOURCE_FAILED: the entropy pool's answer in that case.
    static let missingPoolFunction: Int32 = -0x003C

    /// mbedTLS's answer from `call` once `generator` is seeded (when its seeding was put off):
    /// the seeding's error when that fails, `missingFunction` when mbedTLS's own function (nil
    /// from `call`) cannot be found.
    static func afterSeeding(_ generator: UnsafeMutableRawPointer?, _ call: () -> Int32?) -> Int32 {
        let seeded = seedIfDeferred(generator)
        guard seeded == 0 else { return seeded }
        return call() ?? missingFunction
    }

    /// mbedTLS's answer from `call` once `pool` is started (when its start was put off);
    /// `missingPoolFunction` when mbedTLS's own function cannot be found.
    static func afterStarting(_ pool: UnsafeMutableRawPointer?, _ call: () -> Int32?) -> Int32 {
        guard startIfDeferred(pool: pool) else { return missingPoolFunction }
        return call() ?? missingPoolFunction
    }

    typealias Seed = @convention(c) (UnsafeMutableRawPointer?, EntropySource?, UnsafeMutableRawPointer?, UnsafePointer<UInt8>?, Int) -> Int32
    typealias Random = @convention(c) (UnsafeMutableRawPointer?, UnsafeMutablePointer<UInt8>?, Int) -> Int32
    typealias RandomWithAdditional = @convention(c) (UnsafeMutableRawPointer?, UnsafeMutablePointer<UInt8>?, Int,
                                                     UnsafePointer<UInt8>?, Int) -> Int32
    typealias Update = @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<UInt8>?, Int) -> Int32
    typealias UpdateVoid = @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<UInt8>?, Int) -> Void
    typealias SeedFile = @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<CChar>?) -> Int32
    typealias Free = @convention(c) (UnsafeMutableRawPointer?) -> Void

    static let mbedTLSSeed = NetworkStartUp.next("mbedtls_ctr_drbg_seed", as: Seed.self)
    static let mbedTLSRandom = NetworkStartUp.next("mbedtls_ctr_drbg_random", as: Random.self)
    static let mbedTLSRandomWithAdditional = NetworkStartUp.next("mbedtls_ctr_drbg_random_with_add", as: RandomWithAdditional.self)
    static let mbedTLSReseed = NetworkStartUp.next("mbedtls_ctr_drbg_reseed", as: Update.self)
    static let mbedTLSUpdateReturning = NetworkStartUp.next("mbedtls_ctr_drbg_update_ret", as: Update.self)
    static let mbedTLSUpdate = NetworkStartUp.next("mbedtls_ctr_drbg_update", as: UpdateVoid.self)
    static let mbedTLSWriteSeedFile = NetworkStartUp.next("mbedtls_ctr_drbg_write_seed_file", as: SeedFile.self)
    static let mbedTLSUpdateSeedFile = NetworkStartUp.next("mbedtls_ctr_drbg_update_seed_file", as: SeedFile.self)
    static let mbedTLSFree = NetworkStartUp.next("mbedtls_ctr_drbg_free", as: Free.self)

    typealias PoolFunction = @convention(c) (UnsafeMutableRawPointer?) -> Int32
    typealias PoolAddSource = @convention(c) (UnsafeMutableRawPointer?, EntropySource?, UnsafeMutableRawPointer?, Int, Int32) -> Int32
    typealias PoolUpdate = @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<UInt8>?, Int) -> Int32
    typealias PoolOutput = @convention(c) (UnsafeMutableRawPointer?, UnsafeMutablePointer<UInt8>?, Int) -> Int32

    static let mbedTLSEntropyInit = NetworkStartUp.next("mbedtls_entropy_init", as: Free.self)
    static let mbedTLSEntropyFree = NetworkStartUp.next("mbedtls_entropy_free", as: Free.self)
    static let mbedTLSEntropyAddSource = NetworkStartUp.next("mbedtls_entropy_add_source", as: PoolAddSource.self)
    static let mbedTLSEntropyGather = NetworkStartUp.next("mbedtls_entropy_gather", as: PoolFunction.self)
    static let mbedTLSEntropyFunc = NetworkStartUp.next("mbedtls_entropy_func", as: PoolOutput.self)
    static let mbedTLSEntropyUpdateManual = NetworkStartUp.next("mbedtls_entropy_update_manual", as: PoolUpdate.self)
    static let mbedTLSEntropyWriteSeedFile = NetworkStartUp.next("mbedtls_entropy_write_seed_file", as: SeedFile.self)
    static let mbedTLSEntropyUpdateSeedFile = NetworkStartUp.next("mbedtls_entropy_update_seed_file", as: SeedFile.self)
}

// mbedTLS's generator functions (mbedtls/ctr_drbg.h, 2.28), each defined here in front of
// mbedTLS's own (the dynamic linker binds the binary's definition first): see
// `DeferredRandomSeed`. Each seeds a deferred generator first, then calls mbedTLS's own.

/// `int mbedtls_ctr_drbg_seed(ctx, f_entropy, p_entropy, custom, len)`.
@_cdecl("mbedtls_ctr_drbg_seed")
public func plantoolRandomSeed(_ generator: UnsafeMutableRawPointer?,
                               _ entropySource: (@convention(c) (UnsafeMutableRawPointer?, UnsafeMutablePointer<UInt8>?, Int) -> Int32)?,
                               _ entropy: UnsafeMutableRawPointer?, _ custom: UnsafePointer<UInt8>?, _ length: Int) -> Int32 {
    if let generator, let entropySource,
       DeferredRandomSeed.putOff(generator, entropySource: entropySource, entropy: entropy, personalisation: custom, length: length) {
        return 0
    }
    guard let seed = DeferredRandomSeed.mbedTLSSeed else { return DeferredRandomSeed.missingFunction }
    return seed(generator, entropySource, entropy, custom, length)
}

/// `int mbedtls_ctr_drbg_random(void *p_rng, unsigned char *output, size_t output_len)`: what
/// TLS calls for every random byte.
@_cdecl("mbedtls_ctr_drbg_random")
public func plantoolRandom(_ generator: UnsafeMutableRawPointer?, _ output: UnsafeMutablePointer<UInt8>?, _ length: Int) -> Int32 {
    DeferredRandomSeed.afterSeeding(generator) { DeferredRandomSeed.mbedTLSRandom?(generator, output, length) }
}

/// `int mbedtls_ctr_drbg_random_with_add(p_rng, output, output_len, additional, add_len)`.
@_cdecl("mbedtls_ctr_drbg_random_with_add")
public func plantoolRandomWithAdditional(_ generator: UnsafeMutableRawPointer?, _ output: UnsafeMutablePointer<UInt8>?, _ length: Int,
                                         _ additional: UnsafePointer<UInt8>?, _ additionalLength: Int) -> Int32 {
    DeferredRandomSeed.afterSeeding(generator) {
        DeferredRandomSeed.mbedTLSRandomWithAdditional?(generator, output, length, additional, additionalLength)
    }
}

/// `int mbedtls_ctr_drbg_reseed(ctx, additional, len)`.
@_cdecl("mbedtls_ctr_drbg_reseed")
public func plantoolRandomReseed(_ generator: UnsafeMutableRawPointer?, _ additional: UnsafePointer<UInt8>?, _ length: Int) -> Int32 {
    DeferredRandomSeed.afterSeeding(generator) { DeferredRandomSeed.mbedTLSReseed?(generator, additional, length) }
}

/// `int mbedtls_ctr_drbg_update_ret(ctx, additional, add_len)`.
@_cdecl("mbedtls_ctr_drbg_update_ret")
public func plantoolRandomUpdateReturning(_ generator: UnsafeMutableRawPointer?, _ additional: UnsafePointer<UInt8>?,
                                          _ length: Int) -> Int32 {
    DeferredRandomSeed.afterSeeding(generator) { DeferredRandomSeed.mbedTLSUpdateReturning?(generator, additional, length) }
}

/// `void mbedtls_ctr_drbg_update(ctx, additional, add_len)` (deprecated in mbedTLS): a failed
/// deferred seeding leaves the generator deferred, and unchanged.
@_cdecl("mbedtls_ctr_drbg_update")
public func plantoolRandomUpdate(_ generator: UnsafeMutableRawPointer?, _ additional: UnsafePointer<UInt8>?, _ length: Int) {
    guard DeferredRandomSeed.seedIfDeferred(generator) == 0, let update = DeferredRandomSeed.mbedTLSUpdate else { return }
    update(generator, additional, length)
}

/// `int mbedtls_ctr_drbg_write_seed_file(ctx, path)`: writes output of the generator.
@_cdecl("mbedtls_ctr_drbg_write_seed_file")
public func plantoolRandomWriteSeedFile(_ generator: UnsafeMutableRawPointer?, _ path: UnsafePointer<CChar>?) -> Int32 {
    DeferredRandomSeed.afterSeeding(generator) { DeferredRandomSeed.mbedTLSWriteSeedFile?(generator, path) }
}

/// `int mbedtls_ctr_drbg_update_seed_file(ctx, path)`.
@_cdecl("mbedtls_ctr_drbg_update_seed_file")
public func plantoolRandomUpdateSeedFile(_ generator: UnsafeMutableRawPointer?, _ path: UnsafePointer<CChar>?) -> Int32 {
    DeferredRandomSeed.afterSeeding(generator) { DeferredRandomSeed.mbedTLSUpdateSeedFile?(generator, path) }
}

/// `void mbedtls_ctr_drbg_free(ctx)`.
@_cdecl("mbedtls_ctr_drbg_free")
public func plantoolRandomFree(_ generator: UnsafeMutableRawPointer?) {
    DeferredRandomSeed.forget(generator)
    DeferredRandomSeed.mbedTLSFree?(generator)
}

// mbedTLS's entropy pool functions (mbedtls/entropy.h, 2.28), each defined here in front of
// mbedTLS's own: see `DeferredRandomSeed`. Each starts a deferred pool first.

/// `void mbedtls_entropy_init(mbedtls_entropy_context *ctx)`.
@_cdecl("mbedtls_entropy_init")
public func plantoolEntropyInit(_ pool: UnsafeMutableRawPointer?) {
    if let pool, DeferredRandomSeed.putOff(pool: pool) { return }
    DeferredRandomSeed.mbedTLSEntropyInit?(pool)
}

/// `void mbedtls_entropy_free(mbedtls_entropy_context *ctx)`: a pool never started has nothing
/// to free.
@_cdecl("mbedtls_entropy_free")
public func plantoolEntropyFree(_ pool: UnsafeMutableRawPointer?) {
    if DeferredRandomSeed.forget(pool: pool) { return }
    DeferredRandomSeed.mbedTLSEntropyFree?(pool)
}

/// `int mbedtls_entropy_add_source(ctx, f_source, p_source, threshold, strong)`.
@_cdecl("mbedtls_entropy_add_source")
public func plantoolEntropyAddSource(_ pool: UnsafeMutableRawPointer?,
                                     _ source: (@convention(c) (UnsafeMutableRawPointer?, UnsafeMutablePointer<UInt8>?, Int) -> Int32)?,
                                     _ state: UnsafeMutableRawPointer?, _ threshold: Int, _ strong: Int32) -> Int32 {
    DeferredRandomSeed.afterStarting(pool) { DeferredRandomSeed.mbedTLSEntropyAddSource?(pool, source, state, threshold, strong) }
}

/// `int mbedtls_entropy_gather(mbedtls_entropy_context *ctx)`.
@_cdecl("mbedtls_entropy_gather")
public func plantoolEntropyGather(_ pool: UnsafeMutableRawPointer?) -> Int32 {
    DeferredRandomSeed.afterStarting(pool) { DeferredRandomSeed.mbedTLSEntropyGather?(pool) }
}

/// `int mbedtls_entropy_func(void *data, unsigned char *output, size_t len)`: what seeding a
/// generator calls.
@_cdecl("mbedtls_entropy_func")
public func plantoolEntropyFunc(_ pool: UnsafeMutableRawPointer?, _ output: UnsafeMutablePointer<UInt8>?, _ length: Int) -> Int32 {
    DeferredRandomSeed.afterStarting(pool) { DeferredRandomSeed.mbedTLSEntropyFunc?(pool, output, length) }
}

/// `int mbedtls_entropy_update_manual(ctx, data, len)`.
@_cdecl("mbedtls_entropy_update_manual")
public func plantoolEntropyUpdateManual(_ pool: UnsafeMutableRawPointer?, _ data: UnsafePointer<UInt8>?, _ length: Int) -> Int32 {
    DeferredRandomSeed.afterStarting(pool) { DeferredRandomSeed.mbedTLSEntropyUpdateManual?(pool, data, length) }
}

/// `int mbedtls_entropy_write_seed_file(ctx, path)`.
@_cdecl("mbedtls_entropy_write_seed_file")
public func plantoolEntropyWriteSeedFile(_ pool: UnsafeMutableRawPointer?, _ path: UnsafePointer<CChar>?) -> Int32 {
    DeferredRandomSeed.afterStarting(pool) { DeferredRandomSeed.mbedTLSEntropyWriteSeedFile?(pool, path) }
}

/// `int mbedtls_entropy_update_seed_file(ctx, path)`.
@_cdecl("mbedtls_entropy_update_seed_file")
public func plantoolEntropyUpdateSeedFile(_ pool: UnsafeMutableRawPointer?, _ path: UnsafePointer<CChar>?) -> Int32 {
    DeferredRandomSeed.afterStarting(pool) { DeferredRandomSeed.mbedTLSEntropyUpdateSeedFile?(pool, path) }
}

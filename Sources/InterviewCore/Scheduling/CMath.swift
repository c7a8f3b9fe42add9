// The C library's `pow`, and nothing else of it: FSRS needs real powers, which the standard
// library lacks. The reference implementation computes with the same libm function.
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// `base` raised to `exponent`, as C's `pow` gives it.
func power(_ base: Double, _ exponent: Double) -> Double {
    pow(base, exponent)
}

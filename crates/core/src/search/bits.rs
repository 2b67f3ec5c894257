//! Bit sets over claim positions: the masks that filters and search intersect.

/// One bit per claim.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bits(pub Vec<u64>);

impl Bits {
    pub fn zeros(n: usize) -> Bits {
        Bits(vec![0; n.div_ceil(64)])
    }
    pub fn ones(n: usize) -> Bits {
        let mut b = Bits(vec![u64::MAX; n.div_ceil(64)]);
        if n % 64 != 0 {
            *b.0.last_mut().expect("non-empty") = (1u64 << (n % 64)) - 1;
        }
        b
    }
    pub fn set(&mut self, i: usize) {
        self.0[i >> 6] |= 1 << (i & 63);
    }
    pub fn get(&self, i: usize) -> bool {
        self.0[i >> 6] >> (i & 63) & 1 == 1
    }
    pub fn set_all(&mut self, list: &[u32]) {
        for &i in list {
            self.set(i as usize);
        }
    }
    pub fn and(&mut self, o: &Bits) {
        for (a, b) in self.0.iter_mut().zip(&o.0) {
            *a &= b;
        }
    }
    pub fn or(&mut self, o: &Bits) {
        for (a, b) in self.0.iter_mut().zip(&o.0) {
            *a |= b;
        }
    }
    /// Flip every one of the first `n` bits.
    pub fn not(&mut self, n: usize) {
        let ones = Bits::ones(n);
        for (a, b) in self.0.iter_mut().zip(&ones.0) {
            *a = !*a & b;
        }
    }
    /// Number of bits set.
    pub fn count_ones(&self) -> usize {
        self.0.iter().map(|w| w.count_ones() as usize).sum()
    }
    /// Number of bits set in both `self` and `o`.
    pub fn and_count(&self, o: &Bits) -> usize {
        self.0.iter().zip(&o.0).map(|(a, b)| (a & b).count_ones() as usize).sum()
    }
    pub fn is_empty(&self) -> bool {
        self.0.iter().all(|w| *w == 0)
    }
    pub fn for_each(&self, mut f: impl FnMut(usize)) {
        for (wi, &w) in self.0.iter().enumerate() {
            let mut w = w;
            while w != 0 {
                f(wi * 64 + w.trailing_zeros() as usize);
                w &= w - 1;
            }
        }
    }
}

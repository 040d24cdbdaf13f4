//! Folding text for search, so people find what they mean however they typed it: 台 and 臺
//! are one character in practice (most people type 台 for 臺北, 臺中, 臺南 …), a few common
//! simplified forms stand for their traditional ones, full-width letters and digits equal
//! half-width ones, and case and spaces do not matter.

/// The longest search text a field takes, in characters: more than any institution's name
/// (the longest are about 30), and a search stays a short request.
pub const MAX_SEARCH_CHARS: usize = 50;

/// Whether every field of a search is within `MAX_SEARCH_CHARS`.
pub fn within_limit(fields: &[&str]) -> bool {
    fields.iter().all(|f| f.chars().count() <= MAX_SEARCH_CHARS)
}

/// Variant characters, folded to the first of each pair.
const VARIANTS: [(char, char); 17] = [
    ('臺', '台'),
    ('灣', '湾'),
    ('醫', '医'),
    ('區', '区'),
    ('縣', '县'),
    ('東', '东'),
    ('門', '门'),
    ('莊', '庄'),
    ('衛', '卫'),
    ('診', '诊'),
    ('療', '疗'),
    ('興', '兴'),
    ('義', '义'),
    ('園', '园'),
    ('學', '学'),
    ('蓮', '莲'),
    ('龍', '龙'),
];

/// The text as search compares it.
pub fn fold(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| {
            let c = match c {
                // Full-width ASCII (！ to ～) to half-width.
                '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
                c => c,
            };
            VARIANTS
                .iter()
                .find(|(first, second)| c == *first || c == *second)
                .map_or(c, |(first, _)| *first)
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether `text` contains what was typed (nothing typed matches everything).
pub fn matches(text: &str, typed: &str) -> bool {
    let typed = fold(typed);
    typed.is_empty() || fold(text).contains(&typed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tai_and_tai_are_one() {
        assert!(matches("臺北市立聯合醫院仁愛院區", "台北"));
        assert!(matches("臺北市大安區", "臺北"));
        assert!(matches("台北市", "臺北"));
        assert!(!matches("臺中市西區", "台北"));
    }

    #[test]
    fn width_case_spaces_and_simplified_forms() {
        assert!(matches("HPC-DR-0001", "ｈｐｃ－ｄｒ"));
        assert!(matches("好心家庭醫學科診所", "家庭 医学"));
        assert!(matches("花蓮縣花蓮市", "花莲县"));
        assert!(matches("anything", "  "));
    }
}

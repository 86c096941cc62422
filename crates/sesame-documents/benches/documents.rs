//! Benchmark of the PDF documents: one credential letter, and 1,000 letters in one PDF
//! (targets ≤ 20 ms and ≤ 5 s), with the file sizes. Run with `cargo bench --bench documents`.

use std::time::Instant;

use sesame_core::domain::Language;
use sesame_documents::{CredentialLetter, Holder, Paper};

fn letter(i: usize) -> CredentialLetter {
    CredentialLetter {
        organization_name: "Boulangerie Lumière & Fils".into(),
        organization_code: "DEMO".into(),
        login: format!("user{i:04}"),
        password: sesame_core::domain::generate_password(),
        holder: Holder::Person {
            name: format!("Zoë Łukasiewicz-Ñúñez {i}"),
        },
        language: if i.is_multiple_of(2) {
            Language::Fr
        } else {
            Language::En
        },
        date: time::OffsetDateTime::now_utc(),
        handover: sesame_documents::Handover::default(),
    }
}

fn main() {
    if std::env::args().any(|a| a == "--list" || a == "--test") {
        return;
    }
    // The fonts are parsed once per process; the first letter pays for it.
    let t = Instant::now();
    let first = sesame_documents::credential_letters(&[letter(0)], Paper::A4).unwrap();
    let cold = t.elapsed();
    let mut times = vec![];
    let mut size = 0;
    for i in 0..50 {
        let t = Instant::now();
        size = sesame_documents::credential_letters(&[letter(i)], Paper::A4)
            .unwrap()
            .len();
        times.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(|a, b| a.partial_cmp(b).unwrap());
    let letters: Vec<CredentialLetter> = (0..1000).map(letter).collect();
    let t = Instant::now();
    let batch = sesame_documents::credential_letters(&letters, Paper::Letter).unwrap();
    let batch_time = t.elapsed();
    println!(
        "one letter: median {:.1} ms, max {:.1} ms ({} bytes; the first, parsing the fonts: {:.0} ms, {} bytes) (target ≤ 20 ms)",
        times[times.len() / 2],
        times.last().unwrap(),
        size,
        cold.as_secs_f64() * 1000.0,
        first.len()
    );
    println!(
        "1,000 letters in one PDF: {:.2} s, {:.1} MB (target ≤ 5 s)",
        batch_time.as_secs_f64(),
        batch.len() as f64 / 1_048_576.0
    );
}

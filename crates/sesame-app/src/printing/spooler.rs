//! The Windows print spooler, through the `printers` crate's winspool adapter: the printers
//! and the default one, a job of the PDF as it is (datatype RAW: the printer reads the PDF
//! itself, as most office printers do, and "Microsoft Print to PDF" on a file port writes it
//! unchanged), and the job's state. Copies are as many jobs (a PDF sent twice in one RAW job
//! is not a PDF any more). Blocking calls: the caller runs them off the interface thread.

use printers::common::base::job::{PrinterJobOptions, PrinterJobState};
use printers::common::base::printer::PrinterState;
use printers::common::converters::Converter;

use super::{JobOptions, JobState, Printer};

pub fn printers() -> Vec<Printer> {
    printers::get_printers()
        .into_iter()
        .map(|p| Printer {
            info: p.name.clone(),
            default: p.is_default,
            // The spooler's RAW job leaves the sides to the printer's own setting.
            two_sided: false,
            stopped: matches!(p.state, PrinterState::PAUSED | PrinterState::OFFLINE)
                .then(|| p.state_reasons.join(", "))
                .map(|r| if r == "none" { String::new() } else { r }),
            name: p.system_name,
        })
        .collect()
}

/// Sends `pdf` to `printer`, `options.copies` times; returns the last job's id.
pub fn print(printer: &str, pdf: &[u8], options: &JobOptions) -> Result<i32, String> {
    let p = printers::get_printer_by_name(printer).ok_or_else(|| printer.to_owned())?;
    let mut id = 0;
    for _ in 0..options.copies.max(1) {
        let job = PrinterJobOptions {
            name: Some(&options.title),
            raw_properties: &[],
            converter: Converter::None,
        };
        id = p.print(pdf, job).map_err(|e| e.message)?;
    }
    i32::try_from(id).map_err(|e| e.to_string())
}

/// Where the job `id` of `printer` stands; gone from the queue means printed.
pub fn job_state(printer: &str, id: i32) -> Result<JobState, String> {
    let p = printers::get_printer_by_name(printer).ok_or_else(|| printer.to_owned())?;
    let jobs = p.get_job_history();
    let Some(job) = jobs.iter().find(|j| j.id == id as u64) else {
        return Ok(JobState::Done);
    };
    Ok(match job.state {
        PrinterJobState::PENDING | PrinterJobState::PAUSED => JobState::Waiting,
        PrinterJobState::PROCESSING => JobState::Printing,
        PrinterJobState::COMPLETED => JobState::Done,
        PrinterJobState::CANCELLED => JobState::Failed("cancelled".into()),
        PrinterJobState::UNKNOWN => JobState::Waiting,
    })
}

//! CUPS over IPP (Linux and macOS): the printers and the default one, a job sent with its
//! document in the request's body, and the job's state. Nothing touches the disk here: CUPS
//! spools the job itself and removes it once printed.

use ipp::prelude::*;

use super::{Job, JobOptions, JobState, Printer};
use sesame_core::i18n::keys::not_text;
use sesame_documents::Paper;

// IPP's attribute names and keywords (RFC 8011, PWG 5100.x), not texts for people.
const STATUS_MESSAGE: &str = not_text("status-message");
const PRINTER_NAME: &str = not_text("printer-name");
const PRINTER_INFO: &str = not_text("printer-info");
const SIDES_SUPPORTED: &str = not_text("sides-supported");
const PRINTER_STATE: &str = not_text("printer-state");
const PRINTER_STATE_MESSAGE: &str = not_text("printer-state-message");
const TWO_SIDED: &str = not_text("two-sided");
const TWO_SIDED_LONG_EDGE: &str = not_text("two-sided-long-edge");
const ONE_SIDED: &str = not_text("one-sided");
const JOB_ID: &str = not_text("job-id");
const JOB_PRINTER_STATE_MESSAGE: &str = not_text("job-printer-state-message");
const JOB_STATE_REASONS: &str = not_text("job-state-reasons");
const JOB_STATE: &str = not_text("job-state");

const TIMEOUT: std::time::Duration = std::time::Duration::from_secs(20);

fn client(service: &str, path: &str) -> Result<(AsyncIppClient, Uri), String> {
    let uri: Uri = format!("ipp://{service}{path}")
        .parse()
        .map_err(|e| format!("{e}"))?;
    let client = AsyncIppClient::builder(uri.clone())
        .request_timeout(TIMEOUT)
        .build();
    Ok((client, uri))
}

fn printer_path(name: &str) -> String {
    let escaped: String = name
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect();
    format!("/printers/{escaped}")
}

/// The answer, or the service's refusal in its own words.
async fn send(
    client: &AsyncIppClient,
    request: impl Into<IppRequestResponse>,
) -> Result<IppRequestResponse, String> {
    let response = client.send(request).await.map_err(|e| e.to_string())?;
    let status = response.header().status_code();
    if status.is_success() {
        return Ok(response);
    }
    let message = response
        .attributes()
        .groups_of(DelimiterTag::OperationAttributes)
        .find_map(|g| g.get(STATUS_MESSAGE))
        .map(|a| a.value().to_string());
    Err(message.unwrap_or_else(|| format!("{status:?}")))
}

fn text(group: &IppAttributeGroup, name: &str) -> Option<String> {
    group.get(name).map(|a| a.value().to_string())
}

fn user() -> String {
    std::env::var("USER")
        .or_else(|_| std::env::var("LOGNAME"))
        .unwrap_or_else(|_| "sesame".into())
}

/// Every printer CUPS knows, and which is the default.
pub async fn printers(service: &str) -> Result<Vec<Printer>, String> {
    let (c, _) = client(service, "/")?;
    let default = match send(
        &c,
        IppRequestResponse::new(IppVersion::v1_1(), Operation::CupsGetDefault, None)
            .map_err(|e| e.to_string())?,
    )
    .await
    {
        Ok(r) => r
            .attributes()
            .groups_of(DelimiterTag::PrinterAttributes)
            .find_map(|g| text(g, PRINTER_NAME)),
        // No default set: CUPS answers "not found".
        Err(_) => None,
    };
    let all = send(&c, IppOperationBuilder::cups().get_printers()).await?;
    Ok(all
        .attributes()
        .groups_of(DelimiterTag::PrinterAttributes)
        .filter_map(|g| {
            let name = text(g, PRINTER_NAME)?;
            let info = text(g, PRINTER_INFO).filter(|i| !i.trim().is_empty());
            let sides = text(g, SIDES_SUPPORTED).unwrap_or_default();
            // 5: stopped; its reason is the printer's own message.
            let stopped = match g.get(PRINTER_STATE).map(|a| a.value()) {
                Some(IppValue::Enum(5)) => Some(text(g, PRINTER_STATE_MESSAGE).unwrap_or_default()),
                _ => None,
            };
            Some(Printer {
                info: info.unwrap_or_else(|| name.clone()),
                default: default.as_deref() == Some(name.as_str()),
                two_sided: sides.contains(TWO_SIDED),
                stopped,
                name,
            })
        })
        .collect())
}

/// Sends `pdf` to `printer` as one job; returns its id.
pub async fn print(
    service: &str,
    printer: &str,
    pdf: Vec<u8>,
    options: &JobOptions,
) -> Result<i32, String> {
    let (c, uri) = client(service, &printer_path(printer))?;
    let attribute = |name: &str, value: Result<IppValue, ipp::parser::IppParseError>| {
        value
            .and_then(|v| IppAttribute::with_name(name, v))
            .map_err(|e| e.to_string())
    };
    let media = match options.paper {
        Paper::A4 => "iso_a4_210x297mm",
        Paper::Letter => "na_letter_8.5x11in",
    };
    let sides = if options.two_sided {
        TWO_SIDED_LONG_EDGE
    } else {
        ONE_SIDED
    };
    let job = IppOperationBuilder::print_job(uri, IppPayload::new(std::io::Cursor::new(pdf)))
        .user_name(user())
        .job_title(&options.title)
        .document_format("application/pdf")
        .attribute(attribute(
            "copies",
            Ok(IppValue::Integer(options.copies as i32)),
        )?)
        .attribute(attribute("media", IppValue::new_keyword(media))?)
        .attribute(attribute("sides", IppValue::new_keyword(sides))?)
        .build()
        .map_err(|e| e.to_string())?;
    let answer = send(&c, job).await?;
    answer
        .attributes()
        .groups_of(DelimiterTag::JobAttributes)
        .find_map(|g| match g.get(JOB_ID).map(|a| a.value()) {
            Some(IppValue::Integer(id)) => Some(*id),
            _ => None,
        })
        .ok_or_else(|| "no job id".to_owned())
}

/// Where `job` stands.
pub async fn job_state(service: &str, job: &Job) -> Result<JobState, String> {
    let (c, uri) = client(service, &printer_path(&job.printer))?;
    let ask = IppOperationBuilder::get_job_attributes(uri, job.id)
        .user_name(user())
        .build()
        .map_err(|e| e.to_string())?;
    let answer = send(&c, ask).await?;
    let Some(g) = answer
        .attributes()
        .groups_of(DelimiterTag::JobAttributes)
        .next()
    else {
        return Err("no job attributes".into());
    };
    let reason = || {
        let message = text(g, JOB_PRINTER_STATE_MESSAGE).filter(|m| !m.trim().is_empty());
        message.unwrap_or_else(|| text(g, JOB_STATE_REASONS).unwrap_or_default())
    };
    Ok(match g.get(JOB_STATE).map(|a| a.value()) {
        Some(IppValue::Enum(3 | 4)) => JobState::Waiting,
        Some(IppValue::Enum(5 | 6)) => JobState::Printing,
        Some(IppValue::Enum(9)) => JobState::Done,
        Some(IppValue::Enum(_)) => JobState::Failed(reason()),
        _ => JobState::Waiting,
    })
}

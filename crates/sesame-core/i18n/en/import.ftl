# Importing people from a spreadsheet (the user follow-up's "Import from a file").

people-import = Import from a file
import-title = Import people from a file
import-intro = One row per person. Sesame first checks every row with the server and changes nothing; you then apply the valid rows in one go, or nothing at all.
import-may-create = Levels you may create: { $levels }.
import-path-placeholder = Path of the CSV file (or choose it)
import-browse = Choose a file…
import-read = Read and check
import-template = Download the template
import-template-file = people-import-template
import-report-file = import-report
import-progress-reading = Reading the file…
import-progress-checking = The server is checking { $rows } rows…
import-progress-applying = The server is applying { $rows } rows…
import-progress-letters = Passwords and letters: { $done } of { $total }
import-report-dry-run = Check of “{ $file }”: nothing has changed yet
import-report-applied = Import of “{ $file }”: done
import-totals-dry-run = To create: { $create } · to update: { $update } · unchanged: { $unchanged } · refused: { $refused }
import-totals-applied = Created: { $create } · updated: { $update } · unchanged: { $unchanged } · refused: { $refused }
import-only-refused = Refused rows only
import-column-line = Line
import-column-outcome = Outcome
import-column-detail = Changes or reasons
import-outcome-will-create = Will be created
import-outcome-will-update = Will be updated
import-outcome-created = Created
import-outcome-updated = Updated
import-outcome-unchanged = Unchanged
import-outcome-refused = Refused
import-delivery = New people get their access by:
import-delivery-invitation = An invitation by email
import-delivery-letter = A credential letter (one PDF)
import-apply = Apply the import
import-export-report = Export the report
import-back = Back to the user follow-up
import-applied = Import applied. Created: { $created }; updated: { $updated }.
import-letters-done = { $count ->
        [one] One letter is in the PDF.
       *[other] { $formatted } letters are in one PDF.
    }
import-letters-partial = Letters in the PDF: { $made }. New people still without a password: { $missing }; initialize theirs from the user follow-up.
dialog-import-title = Apply the import?
dialog-import-body-invitation = To create: { $create }; to update: { $update }. Everything is written at once, or nothing. Refused rows ({ $refused }) are left out. Each new person is sent an invitation by email.
dialog-import-body-letter = To create: { $create }; to update: { $update }. Everything is written at once, or nothing. Refused rows ({ $refused }) are left out. The new people’s passwords are then initialized and their letters saved in one PDF, each in its holder’s language.
dialog-import-discard-title = Leave without importing?
dialog-import-discard-body = The rows of “{ $file }” have not been imported. Leave the import anyway?
import-file-io = This file cannot be opened: { $reason }
import-file-no-rows = This file names its columns but holds no one under them.
import-file-empty = This file is empty: its first line must name the columns.
import-file-unreadable = Line { $line } cannot be read as CSV: a quotation mark may be left open.
import-file-too-many = This file has more than { $max } people: split it into several files.
import-file-unknown-columns = Unknown columns: { $columns }.
import-file-missing-columns = Missing columns: { $columns }.
import-file-repeated-columns = Columns named twice: { $columns }.
import-file-expected-columns = The columns are: { $columns } (the first five are required).

# The follow-up's batch of letters, refused for some people (all or none: nothing printed).
people-batch-refused = No password was changed and no letter printed. Untick or reactivate: { $people }
import-read-as = Read as { $encoding }, fields separated by { $separator }.
import-separator-semicolon = semicolons
import-separator-comma = commas
import-separator-tab = tabs
import-read-sheet = Read from the sheet “{ $sheet }” of this { $kind } workbook.
import-kind-xlsx = Excel
import-kind-xls = Excel 97–2003
import-kind-ods = OpenDocument
import-file-workbook = This workbook cannot be opened: it may be damaged or protected by a password. Open it in your spreadsheet and save it again without a password. ({ $reason })
import-lossy-note = A “?” here may stand for a letter that { $encoding } cannot hold: check the names, or save the file as “CSV UTF-8” or as a workbook.
import-lossy-lines = { $count ->
    [one] One line holds a “?” where a letter may have been lost: it is marked below.
   *[other] { $count } lines hold a “?” where a letter may have been lost: they are marked below.
}

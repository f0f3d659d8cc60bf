//! The import page: mapping, checks, a background pass, progress and resumption.

use crate::harness::{on_both, Browser, Resp, TestApp};
use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use kith_app::Principal;
use kith_domain::Role;
use kith_store::Engine;
use tower::ServiceExt;

/// A multipart/form-data body with text fields, then a file.
fn multipart(fields: &[(&str, &str)], file: &[u8]) -> (String, Vec<u8>) {
    let boundary = "kith-test-boundary-7MA4YWxkTrZu0gW";
    let mut body = Vec::new();
    for (k, v) in fields {
        body.extend_from_slice(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n").as_bytes(),
        );
    }
    body.extend_from_slice(
        format!("--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"fiera-2026.csv\"\r\nContent-Type: text/csv\r\n\r\n")
            .as_bytes(),
    );
    body.extend_from_slice(file);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

/// Waits for the import's background pass to end; the run's page meanwhile.
async fn settled(env: &TestApp, s: &Browser, path: &str) -> Resp {
    for _ in 0..200 {
        let page = env.get(s, path).await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.body);
        if !page.body.contains("http-equiv=\"refresh\"") {
            return page;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("the import did not finish");
}

#[tokio::test]
async fn the_import_page_maps_checks_then_imports_a_file_in_the_background() {
    on_both("the_import_page_maps_checks_then_imports_a_file_in_the_background", |env| async move {
        let dpo = env.sign_in_as(Role::Dpo).await;
        let sales = env.sign_in_as(Role::Sales).await;
        assert_eq!(env.get(&sales, "/import").await.status, StatusCode::FORBIDDEN);
        assert_eq!(env.get(&dpo, "/import").await.status, StatusCode::OK);
        let csv =
        "Nome;Cognome;Email;Punteggio\r\nElisa;Moretti;elisa.moretti@example.it;4\r\nPaolo;Gatti;not-an-address;2\r\n";
        let send = |s: &Browser, fields: Vec<(&'static str, String)>, file: &'static str| {
            let f: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
            let (ct, body) = multipart(&f, file.as_bytes());
            let req = Request::builder()
                .method(Method::POST)
                .uri("/import")
                .header(header::COOKIE, &s.cookie)
                .header(header::CONTENT_TYPE, ct)
                .body(Body::from(body))
                .unwrap();
            let router = env.router.clone();
            async move {
                let res = router.oneshot(req).await.unwrap();
                let status = res.status();
                let location = res.headers().get(header::LOCATION).map(|l| l.to_str().unwrap().to_owned());
                let bytes = axum::body::to_bytes(res.into_body(), usize::MAX).await.unwrap();
                (status, location.unwrap_or_default(), String::from_utf8_lossy(&bytes).into_owned())
            }
        };
        // Without the form's token nothing is read.
        let (status, _, _) = send(&dpo, vec![("csrf", "forged".into())], csv).await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        // A file without a header line is refused on the upload form.
        let (status, _, body) = send(&dpo, vec![("csrf", dpo.csrf.clone())], "").await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert!(body.contains("The file is empty: choose a CSV file."), "{body}");
        let (status, run, body) = send(&dpo, vec![("csrf", dpo.csrf.clone())], csv).await;
        assert_eq!(status, StatusCode::SEE_OTHER, "{body}");
        assert!(run.starts_with("/import/"), "{run}");

        // The mapping step: recognised columns are chosen, the others ignored.
        let page = env.get(&dpo, &run).await;
        assert!(page.body.contains("Uploaded: map the columns"), "{}", page.body);
        assert!(page.body.contains("<option value=\"first_name\" selected>"), "{}", page.body);
        let unmapped = "<td>Punteggio</td><td><select name=\"col\" aria-label=\"Field for Punteggio\">\
                    <option value=\"\">(ignored)</option><option value=\"first_name\">";
        assert!(page.body.contains(unmapped), "{}", page.body);
        let cols = |c: [&'static str; 4]| c.iter().map(|v| ("col", *v)).collect::<Vec<_>>();
        // A mapping that cannot be read is re-shown with a reason, nothing started.
        let mut bad = cols(["first_name", "last_name", "email", "no_such_field"]);
        bad.push(("mode", "check"));
        let r = env.post(&dpo, &run, &bad).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
        assert!(r.body.contains("Punteggio") && r.body.contains("is mapped to an unknown field."), "{}", r.body);
        // The check runs in the background; the page shows where it stands, then the result.
        let mut check = cols(["first_name", "last_name", "email", ""]);
        check.push(("mode", "check"));
        let r = env.post(&dpo, &run, &check).await;
        assert_eq!((r.status, r.location()), (StatusCode::SEE_OTHER, run.as_str()), "{}", r.body);
        let body = settled(&env, &dpo, &run).await.body;
        assert!(
            body.contains("Check: nothing was written")
                && body.contains("1 would be created, 0 would be updated, 0 skipped, 1 rejected"),
            "{body}"
        );
        assert!(
            body.contains("<td class=\"num\">3</td><td>rejected</td><td>an email address is not valid</td>"),
            "{body}"
        );
        assert!(!body.contains("not-an-address"), "a reason repeats no value");
        let find = || async {
            let q = kith_app::contacts::ContactQuery {
                email: Some("elisa.moretti@example.it".into()),
                ..Default::default()
            };
            env.app.list_contacts(&Principal::cli(), q).await.unwrap().items.len()
        };
        assert_eq!(find().await, 0, "a check writes nothing");
        // Consent without its proof columns: the pass stops with the reason, nothing written.
        let purpose = {
            let ok = [("name", "Newsletter"), ("description", "News"), ("default_basis", "consent")];
            assert_eq!(env.post(&dpo, "/privacy/purposes", &ok).await.location(), "/privacy/setup");
            env.app.purposes(&Principal::cli()).await.unwrap()[0].id.to_string()
        };
        let mut consent = cols(["first_name", "last_name", "email", ""]);
        consent.extend([("mode", "import"), ("purpose", purpose.as_str()), ("basis", "consent")]);
        // Consent without its notice is refused before anything starts, the choices kept.
        let r = env.post(&dpo, &run, &consent).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
        assert!(r.body.contains("Imported consent must name the notice the people saw."), "{}", r.body);
        assert!(r.body.contains("<option value=\"consent\" selected>"), "{}", r.body);
        assert!(env.get(&dpo, &run).await.body.contains("Checked: 1 would be created"), "nothing started");
        assert_eq!(find().await, 0);

        let mut import = cols(["first_name", "last_name", "email", ""]);
        import.push(("mode", "import"));
        assert_eq!(env.post(&dpo, &run, &import).await.status, StatusCode::SEE_OTHER);
        let body = settled(&env, &dpo, &run).await.body;
        assert!(body.contains("1 created, 0 updated, 0 skipped, 1 rejected. Done up to line 3."), "{body}");
        assert!(body.contains("The file is no longer kept."), "an imported file is dropped: {body}");
        assert!(!body.contains("name=\"mode\" value=\"import\""), "nothing left to import: {body}");
        assert_eq!(find().await, 1);
        // Nothing can start again on a dropped file.
        let again = env.post(&dpo, &run, &import).await;
        assert_eq!(again.status, StatusCode::CONFLICT, "{}", again.body);
        assert!(again.body.contains("upload it again"), "{}", again.body);
        // The list shows the run; another file can be discarded unrun.
        assert!(env.get(&dpo, "/import").await.body.contains("Imported: 1 created"));
        let (_, other, _) = send(&dpo, vec![("csrf", dpo.csrf.clone())], csv).await;
        assert_eq!(env.post(&dpo, &other, &[("mode", "discard")]).await.status, StatusCode::SEE_OTHER);
        assert!(env.get(&dpo, &other).await.body.contains("The file is no longer kept."));
        assert_eq!(env.get(&sales, &other).await.status, StatusCode::FORBIDDEN);
        // Erasing a contact drops a kept upload: importing it later would bring the person back.
        let (_, kept, _) = send(&dpo, vec![("csrf", dpo.csrf.clone())], csv).await;
        let q =
            kith_app::contacts::ContactQuery { email: Some("elisa.moretti@example.it".into()), ..Default::default() };
        let elisa = env.app.list_contacts(&Principal::cli(), q).await.unwrap().items[0].id;
        env.app.delete_contact(&Principal::cli(), elisa).await.unwrap();
        let body = env.get(&dpo, &kept).await.body;
        assert!(body.contains("Dropped: a contact was erased after this file was uploaded"), "{body}");
        assert!(body.contains("The file is no longer kept.") && !body.contains("value=\"import\""), "{body}");
        assert_eq!(env.post(&dpo, &kept, &import).await.status, StatusCode::CONFLICT);
        assert_eq!(find().await, 0, "the erased person did not come back");
    })
    .await;
}

/// While a large file is imported, its page shows how far it got and
/// refreshes itself; at the end, the counts.
#[tokio::test]
async fn the_import_page_shows_progress_while_it_runs() {
    on_both("the_import_page_shows_progress_while_it_runs", |env| async move {
        let dpo = env.sign_in_as(Role::Dpo).await;
        let mut csv = String::from("Email,First Name,Last Name\n");
        for i in 0..20_000 {
            csv.push_str(&format!("persona{i}@example.it,Persona,Numero{i}\n"));
        }
        let run = env.app.upload_import(&Principal::cli(), "grande.csv", csv.as_bytes()).await.unwrap();
        let path = format!("/import/{run}");
        let cols = [("col", "email"), ("col", "first_name"), ("col", "last_name"), ("mode", "import")];
        assert_eq!(env.post(&dpo, &path, &cols).await.status, StatusCode::SEE_OTHER);
        let page = env.get(&dpo, &path).await;
        assert!(
            page.body.contains("http-equiv=\"refresh\"") && page.body.contains("<progress id=\"progress\" max=\"100\""),
            "{}",
            page.body
        );
        assert!(page.body.contains("Import running") && page.body.contains("You may leave it"), "{}", page.body);
        // A second start while it runs is refused.
        let again = env.post(&dpo, &path, &cols).await;
        assert_eq!(again.status, StatusCode::CONFLICT, "{}", again.body);
        let mut seen_progress = false;
        for _ in 0..1200 {
            let p = env.get(&dpo, &path).await.body;
            if !p.contains("http-equiv=\"refresh\"") {
                assert!(p.contains("20000 created, 0 updated, 0 skipped, 0 rejected. Done up to line 20001."), "{p}");
                break;
            }
            seen_progress |= !p.contains("<p>0% of the file read");
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        assert!(seen_progress, "the share of the file read grew while it ran");
    })
    .await;
}

/// An import whose server stopped shows as interrupted, and resumes after
/// the last line it wrote.
#[tokio::test]
async fn an_interrupted_import_resumes_after_its_last_line_written() {
    on_both("an_interrupted_import_resumes_after_its_last_line_written", |env| async move {
        let dpo = env.sign_in_as(Role::Dpo).await;
        let csv =
        "Email,First Name\nrita.longo@example.it,Rita\nsaverio.marchi@example.it,Saverio\ntea.orsini@example.it,Tea\n";
        let run = env.app.upload_import(&Principal::cli(), "fiera.csv", csv.as_bytes()).await.unwrap();
        let path = format!("/import/{run}");
        // As a server stopped mid-import leaves it: running, written up to line 2, no heartbeat since.
        let id = match env.engine() {
            Engine::Sqlite => format!("X'{}'", run.simple()),
            Engine::Postgres => format!("'{run}'"),
        };
        let stopped =
            "UPDATE import_runs SET phase = 'running', dry_run = FALSE, created = 1, last_line = 2, heartbeat = 0";
        env.store.raw_execute(&format!("{stopped} WHERE id = {id}")).await.unwrap();
        let page = env.get(&dpo, &path).await;
        assert!(
            page.body.contains("Interrupted: done up to line 2") && page.body.contains("value=\"resume\""),
            "{}",
            page.body
        );
        assert!(!page.body.contains("http-equiv=\"refresh\""), "{}", page.body);
        let r = env.post(&dpo, &path, &[("col", "email"), ("col", "first_name"), ("mode", "resume")]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let body = settled(&env, &dpo, &path).await.body;
        assert!(body.contains("3 created, 0 updated, 0 skipped, 0 rejected. Done up to line 4."), "{body}");
        let app = &env.app;
        let found = |email: &'static str| async move {
            let q = kith_app::contacts::ContactQuery { email: Some(email.into()), ..Default::default() };
            app.list_contacts(&Principal::cli(), q).await.unwrap().items.len()
        };
        assert_eq!(found("rita.longo@example.it").await, 0, "lines up to the last one written are not read again");
        assert_eq!(found("tea.orsini@example.it").await, 1);
    })
    .await;
}

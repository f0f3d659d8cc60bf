//! Segments through the API and the pages: the list filtered by basis,
//! consent, permission to contact, restriction and objection; bad values
//! refused naming the key; bulk "all matching" a segment; saved segments
//! and who may change or see them; the audience export for an outside
//! mailer (links present, people who may not be contacted absent, audited).

use super::{array, id_of, ConsentApp};
use crate::harness::on_both;
use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use kith_domain::Role;
use serde_json::{json, Value};
use std::collections::BTreeSet;

/// A newsletter (direct marketing) and six people in different standing.
struct World {
    news: String,
    /// Consent given on email: may be emailed.
    given: String,
    /// Basis consent, nothing given: may not.
    asked: String,
    /// Legitimate interests: may.
    li: String,
    /// Legitimate interests, refused on email: may not.
    refused: String,
    /// Consent given, then restricted: may not.
    restricted: String,
    /// Contract, but no email address: may (left out of an email audience).
    no_email: String,
}

async fn world(env: &ConsentApp) -> World {
    let news = id_of(
        &env.post(
            "/purposes",
            &json!({"name": "Newsletter", "description": "Monthly news", "default_basis": "consent", "direct_marketing": true}),
        )
        .await
        .expect(StatusCode::CREATED)
        .json(),
    );
    let notice = env.notice("Newsletter notice").await;
    let person = |first: &str, email: Option<&str>| {
        let mut v = json!({"first_name": first, "tags": ["fair"]});
        if let Some(e) = email {
            v["emails"] = json!([e]);
        } else {
            v["phones"] = json!(["+39 06 555 0199"]);
        }
        v
    };
    let given_ev = json!({"purpose_id": news, "action": "given", "channels": ["email"], "method": "web_form",
        "evidence_ref": "form system submission 12", "notice_id": notice, "affirmative_act": "ticked the box"});
    let basis = |b: &str| json!({"purpose_id": news, "basis": b, "source": "manual", "lia_ref": "LIA-9"});
    let given = env.contact(person("Giada", Some("giada.riva@example.it"))).await;
    env.record(&given, given_ev.clone()).await;
    let asked = env.contact(person("Aldo", Some("aldo.neri@example.it"))).await;
    env.set_basis(&asked, basis("consent")).await;
    let li = env.contact(person("Livia", Some("livia.serra@example.it"))).await;
    env.set_basis(&li, basis("legitimate_interests")).await;
    let refused = env.contact(person("Rocco", Some("rocco.villa@example.it"))).await;
    env.set_basis(&refused, basis("legitimate_interests")).await;
    env.record(&refused, json!({"purpose_id": news, "action": "refused", "channels": ["email"], "method": "phone"}))
        .await;
    let restricted = env.contact(person("Rita", Some("rita.gallo@example.it"))).await;
    env.record(&restricted, given_ev).await;
    env.put(&format!("/contacts/{restricted}/restriction"), &json!({})).await.expect(StatusCode::OK);
    let no_email = env.contact(person("Nino", None)).await;
    env.set_basis(&no_email, basis("contract")).await;
    World { news, given, asked, li, refused, restricted, no_email }
}

fn ids(v: &Value) -> BTreeSet<String> {
    v["items"].as_array().unwrap().iter().map(|c| c["id"].as_str().unwrap().to_owned()).collect()
}

fn set(v: &[&String]) -> BTreeSet<String> {
    v.iter().map(|s| s.to_string()).collect()
}

#[tokio::test]
async fn the_contact_list_filters_by_segment_and_bulk_actions_follow_it() {
    on_both("the_contact_list_filters_by_segment_and_bulk_actions_follow_it", |t| async move {
        let env = ConsentApp::new(t);
        let w = world(&env).await;
        let n = &w.news;
        let may = env.get(&format!("/contacts?may={n}:email")).await;
        // The rule is about permission, not reachability: no address is still "may".
        assert_eq!(ids(&may), set(&[&w.given, &w.li, &w.no_email]), "{may}");
        let may_not = env.get(&format!("/contacts?may_not={n}:email&tag=fair")).await;
        assert_eq!(ids(&may_not), set(&[&w.asked, &w.refused, &w.restricted]));
        let post = env.get(&format!("/contacts?may={n}:post")).await;
        assert_eq!(ids(&post), set(&[&w.li, &w.refused, &w.no_email]), "the refusal was on email only");
        let none = env.get(&format!("/contacts?basis={n}:none")).await;
        assert_eq!(ids(&none), BTreeSet::new(), "everyone has a basis (consent given sets it)");
        let li = env.get(&format!("/contacts?basis={n}:legitimate_interests&consent={n}:email:none")).await;
        assert_eq!(ids(&li), set(&[&w.li]));
        assert_eq!(ids(&env.get(&format!("/contacts?consent={n}:email:refused")).await), set(&[&w.refused]));
        assert_eq!(ids(&env.get("/contacts?restricted=1").await), set(&[&w.restricted]));
        let both = env.get(&format!("/contacts?consent={n}:email:given&restricted=0")).await;
        assert_eq!(ids(&both), set(&[&w.given]));
        assert_eq!(ids(&env.get("/contacts?objected=any").await), BTreeSet::new());
        assert_eq!(ids(&env.get(&format!("/contacts?old_notice={n}")).await), BTreeSet::new());
        assert_eq!(ids(&env.get("/contacts?review_due=1").await), BTreeSet::new());

        // Bad values are refused naming the key; an unknown purpose too.
        for (q, key) in [
            ("may=nope", "may"),
            ("consent=00000000-0000-0000-0000-000000000001:email:maybe", "consent"),
            ("restricted=yes", "restricted"),
            ("may=00000000-0000-0000-0000-000000000001:email", "may"),
        ] {
            let r =
                env.api(Method::GET, &format!("/contacts?{q}"), None).await.expect(StatusCode::UNPROCESSABLE_ENTITY);
            let p = r.json();
            assert_eq!(p["errors"][0]["field"], json!(key), "{q}: {p}");
        }

        // Bulk "all matching" a segment: the basis set only on those who may not be emailed.
        let bulk = json!({"selection": {"filter": {"segment": format!("may_not={n}:email&restricted=0")}},
                          "basis": {"purpose_id": n, "basis": "contract", "source": "manual"}, "dry_run": true});
        let r = env.post("/bases/bulk", &bulk).await.expect(StatusCode::OK).json();
        assert_eq!(r, json!({"count": 2}), "asked and refused; not the restricted one");
        let bad = json!({"selection": {"filter": {"segment": "may=x"}},
                         "basis": {"purpose_id": n, "basis": "contract", "source": "manual"}, "dry_run": true});
        let p = env.post("/bases/bulk", &bad).await.expect(StatusCode::UNPROCESSABLE_ENTITY).json();
        assert_eq!(p["errors"][0]["field"], json!("filter.segment.may"), "{p}");
        // A mistyped purpose id must not turn `may_not` (NOT EXISTS) into everyone.
        let ghost = "00000000-0000-0000-0000-000000000001";
        let unknown = json!({"selection": {"filter": {"segment": format!("may_not={ghost}:email")}},
                             "basis": {"purpose_id": n, "basis": "contract", "source": "manual"}, "dry_run": true});
        let p = env.post("/bases/bulk", &unknown).await.expect(StatusCode::UNPROCESSABLE_ENTITY).json();
        assert_eq!(p["errors"][0]["field"], json!("filter.segment.may_not"), "{p}");

        // The page: the panel adds a condition by GET and redirects to the list's address.
        let s = env.sign_in_as(Role::Admin).await;
        let r = env.0.get(&s, &format!("/contacts?tag=fair&add=may&add_purpose={n}&add_channel=email")).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let to = r.location().to_owned();
        assert_eq!(to, format!("/contacts?tag=fair&may={n}:email"));
        let page = env.0.get(&s, &format!("{to}&cols=purpose:{n}")).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains("Giada") && page.body.contains("Livia"), "those who may be emailed");
        for other in ["Aldo", "Rocco", "Rita"] {
            assert!(!page.body.contains(other), "{other} is listed");
        }
        assert!(page.body.contains("Newsletter: may contact by email"), "the chip");
        let before_chip = page.body.split("aria-label=\"Remove the condition").next().unwrap();
        let remove = before_chip.rsplit("href=\"").next().unwrap();
        assert!(
            remove.starts_with("/contacts?tag=fair") && !remove.contains("may="),
            "the chip's remove link: {remove}"
        );
        assert!(page.body.contains("3 contacts match"));
        assert!(page.body.contains("Consent: Newsletter") && page.body.contains("badge ok"), "the badge column");
        let bad = env.0.get(&s, "/contacts?add=consent").await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(bad.body.contains("choose a purpose"), "readable message");
        // Bulk from the page: "all matching" the segment.
        let filter = format!("tag=fair&may_not={n}:email&restricted=0");
        let r = env
            .0
            .post(
                &s,
                "/contacts/bulk",
                &[("scope", "all"), ("filter", &filter), ("action", "add_tag"), ("tag", "asked")],
            )
            .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        assert!(r.body.contains("<strong>2</strong> contacts"), "the confirmation counts the segment: {}", r.body);
        let ghost_filter = "may_not=00000000-0000-0000-0000-000000000001:email";
        let r = env
            .0
            .post(
                &s,
                "/contacts/bulk",
                &[("scope", "all"), ("filter", ghost_filter), ("action", "add_tag"), ("tag", "asked")],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "an unknown purpose is refused: {}", r.body);
    })
    .await;
}

#[tokio::test]
async fn saved_segments_are_their_owners_unless_shared_and_export_an_audience() {
    on_both("saved_segments_are_their_owners_unless_shared_and_export_an_audience", |t| async move {
        let env = ConsentApp::new(t);
        let w = world(&env).await;
        let n = &w.news;
        let sales = env.token_for(Role::Sales).await;
        let mine = json!({"name": "Fair visitors", "query": format!("tag=fair&restricted=0")});
        let r = as_user_token(&env, &sales, Method::POST, "/segments", Some(&mine)).await;
        assert_eq!(r.0, StatusCode::CREATED, "{}", r.1);
        let id = r.1["id"].as_str().unwrap().to_owned();
        assert_eq!(r.1["query"], json!("restricted=0&tag=fair"), "canonical");
        assert_eq!(r.1["shared"], json!(false));
        // Another user does not see it until it is shared; then may not change it.
        let support = env.token_for(Role::Support).await;
        assert_eq!(
            as_user_token(&env, &support, Method::GET, &format!("/segments/{id}"), None).await.0,
            StatusCode::NOT_FOUND
        );
        assert!(as_user_token(&env, &support, Method::GET, "/segments", None).await.1["items"]
            .as_array()
            .unwrap()
            .is_empty());
        let shared = json!({"name": "Fair visitors", "query": "tag=fair&restricted=0", "shared": true});
        let r = as_user_token(&env, &sales, Method::PUT, &format!("/segments/{id}"), Some(&shared)).await;
        assert_eq!((r.0, r.1["shared"].clone()), (StatusCode::OK, json!(true)));
        let r = as_user_token(&env, &support, Method::GET, &format!("/segments/{id}/count"), None).await;
        assert_eq!(r.1, json!({"count": 5}));
        let r = as_user_token(&env, &support, Method::DELETE, &format!("/segments/{id}"), None).await;
        assert_eq!(r.0, StatusCode::FORBIDDEN);
        // An admin may change anyone's; bad queries name the key.
        let bad = json!({"name": "Bad", "query": "may=nope"});
        let p = env
            .api(Method::PUT, &format!("/segments/{id}"), Some(&bad))
            .await
            .expect(StatusCode::UNPROCESSABLE_ENTITY)
            .json();
        assert_eq!(p["errors"][0]["field"], json!("query.may"), "{p}");
        let p = env
            .post("/segments", &json!({"name": "", "query": ""}))
            .await
            .expect(StatusCode::UNPROCESSABLE_ENTITY)
            .json();
        let fields: Vec<&str> = p["errors"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap()).collect();
        assert_eq!(fields, ["name", "query"]);
        let dup = as_user_token(&env, &sales, Method::POST, "/segments", Some(&mine)).await;
        assert_eq!(dup.0, StatusCode::CONFLICT);

        // The audience: those of the segment who may be emailed, with their own links; audited.
        let path = format!("/segments/{id}/audience?purpose={n}&channel=email");
        assert_eq!(as_user_token(&env, &sales, Method::GET, &path, None).await.0, StatusCode::FORBIDDEN);
        let a = env.get(&path).await;
        let got: BTreeSet<String> =
            array(a["items"].clone()).iter().map(|m| m["id"].as_str().unwrap().to_owned()).collect();
        assert_eq!(got, set(&[&w.given, &w.li]), "{a}");
        for m in array(a["items"].clone()) {
            assert!(m["unsubscribe_link"].as_str().unwrap().contains("/u/"), "{m}");
            assert!(m["preferences_link"].as_str().unwrap().contains("/p/"), "{m}");
            assert!(m["email"].as_str().unwrap().ends_with("@example.it"));
        }
        let giada = array(a["items"].clone()).into_iter().find(|m| m["id"] == json!(w.given)).unwrap();
        assert_eq!((giada["first_name"].clone(), giada["language"].clone()), (json!("Giada"), json!("en")));
        let page = env.get(&format!("{path}&limit=1")).await;
        assert_eq!(page["items"].as_array().unwrap().len(), 1);
        let after = page["next_after"].as_str().expect("a next page");
        let rest = env.get(&format!("{path}&limit=1&after={after}")).await;
        assert_eq!(rest["items"].as_array().unwrap().len(), 1);
        let r = env.api(Method::GET, &format!("{path}&format=csv"), None).await.expect(StatusCode::OK);
        assert!(r.content_type().starts_with("text/csv"));
        let csv = r.text();
        assert!(csv.starts_with("id,email,phone,first_name,language,unsubscribe_link,preferences_link"), "{csv}");
        assert_eq!(csv.lines().count(), 3, "{csv}");
        for absent in ["aldo.neri", "rocco.villa", "rita.gallo", "Nino"] {
            assert!(!csv.contains(absent), "{absent} may not be emailed");
        }
        let post = env.get(&format!("/segments/{id}/audience?purpose={n}&channel=post")).await;
        assert!(array(post["items"].clone()).is_empty(), "nobody has a postal address");
        env.api(Method::GET, &format!("/segments/{id}/audience?purpose={n}&channel=fax"), None)
            .await
            .expect(StatusCode::BAD_REQUEST);
        let audit = env.get("/audit?limit=200").await;
        let exports: Vec<Value> =
            array(audit["items"].clone()).into_iter().filter(|e| e["action"] == json!("segment.export")).collect();
        let summaries: Vec<&Value> = exports.iter().filter(|e| e["object_type"] == json!("segment")).collect();
        assert_eq!(summaries.len(), 5, "one per export (JSON, two pages, CSV, post)");
        assert!(summaries.iter().any(|e| e["object_id"] == json!(format!("{id}:2"))), "{summaries:?}");
        assert!(exports.iter().any(|e| e["subject_id"] == json!(w.given)), "each person exported is named");
        assert!(!exports.iter().any(|e| e["subject_id"] == json!(w.asked)));

        // The owner deletes it.
        let r = as_user_token(&env, &sales, Method::DELETE, &format!("/segments/{id}"), None).await;
        assert_eq!(r.0, StatusCode::NO_CONTENT);
        env.api(Method::GET, &format!("/segments/{id}"), None).await.expect(StatusCode::NOT_FOUND);
        let _ = (&w.refused, &w.restricted, &w.no_email);
    })
    .await;
}

/// Calls the API with `token`; the status and the JSON body.
async fn as_user_token(
    env: &ConsentApp,
    token: &str,
    method: Method,
    path: &str,
    body: Option<&Value>,
) -> (StatusCode, Value) {
    let mut b = Request::builder()
        .method(method)
        .uri(format!("/api/v1{path}"))
        .header(header::AUTHORIZATION, format!("Bearer {token}"));
    let body = match body {
        Some(v) => {
            b = b.header(header::CONTENT_TYPE, "application/json");
            Body::from(serde_json::to_vec(v).expect("json"))
        }
        None => Body::empty(),
    };
    let (status, _, bytes) = env.respond(b.body(body).expect("request")).await;
    (status, serde_json::from_slice(&bytes).unwrap_or(Value::Null))
}

#[tokio::test]
async fn the_segments_page_saves_shares_and_deletes() {
    on_both("the_segments_page_saves_shares_and_deletes", |t| async move {
        let env = ConsentApp::new(t);
        let w = world(&env).await;
        let n = &w.news;
        let sales = env.sign_in_as(Role::Sales).await;
        let filter = format!("tag=fair&may={n}:email&sort=-created&cols=email");
        let r = env
            .0
            .post(&sales, "/contacts/segments", &[("name", "Fair, may email"), ("filter", &filter), ("shared", "")])
            .await;
        assert_eq!((r.status, r.location()), (StatusCode::SEE_OTHER, "/contacts/segments?notice=saved"), "{}", r.body);
        let page = env.0.get(&sales, "/contacts/segments?notice=saved").await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains("Fair, may email") && page.body.contains("Segment saved."));
        assert!(page.body.contains("<td>3</td>"), "its count now: {}", page.body);
        assert!(
            page.body.contains(&format!("href=\"/contacts?may={n}:email&amp;tag=fair\""))
                || page.body.contains(&format!("href=\"/contacts?may={n}:email&#38;tag=fair\"")),
            "opens the list, canonical, without sort or columns"
        );
        let list = env.get("/segments").await;
        let id = list["items"][0]["id"].as_str().unwrap().to_owned();
        assert_eq!(list["items"][0]["shared"], json!(false));
        // A colleague neither sees nor changes it; shared, they see it.
        let support = env.sign_in_as(Role::Support).await;
        assert!(!env.0.get(&support, "/contacts/segments").await.body.contains("Fair, may email"));
        let r = env.0.post(&support, &format!("/contacts/segments/{id}/share"), &[("shared", "1")]).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);
        let r = env.0.post(&sales, &format!("/contacts/segments/{id}/share"), &[("shared", "1")]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let seen = env.0.get(&support, "/contacts/segments").await;
        assert!(seen.body.contains("Fair, may email") && seen.body.contains("(a colleague's)"));
        assert!(!seen.body.contains(&format!("/contacts/segments/{id}/delete")), "no delete button for a colleague");
        let r = env.0.post(&support, &format!("/contacts/segments/{id}/delete"), &[]).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
        // A bad name is a readable error; the owner deletes it.
        let r = env.0.post(&sales, "/contacts/segments", &[("name", ""), ("filter", &filter)]).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        let r = env.0.post(&sales, &format!("/contacts/segments/{id}/delete"), &[]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert!(env.get("/segments").await["items"].as_array().unwrap().is_empty());
        let audit = env.get("/audit?limit=200").await;
        let actions: Vec<&str> =
            audit["items"].as_array().unwrap().iter().filter_map(|e| e["action"].as_str()).collect();
        for a in ["segment.create", "segment.share", "segment.delete"] {
            assert!(actions.contains(&a), "{a} audited");
        }
    })
    .await;
}

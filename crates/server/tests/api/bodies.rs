use crate::on_both_databases;
use crate::support::TestApp;
use server::store::bodies;

on_both_databases!(
    bodies_are_listed_in_order_with_names_in_all_three_languages,
    a_body_comes_with_its_head_departments_and_categories,
    an_unknown_body_is_a_404_with_an_error_code,
    a_slug_that_cannot_exist_is_a_404_too,
    loading_the_demo_twice_adds_nothing,
    a_second_body_with_the_same_slug_is_refused,
);

async fn bodies_are_listed_in_order_with_names_in_all_three_languages(app: &TestApp) {
    let res = app.get("/api/v1/bodies").await;
    assert_eq!(res.status, 200);
    let json = res.json();
    let items = json["items"].as_array().expect("items");
    let slugs: Vec<&str> = items.iter().map(|b| b["slug"].as_str().unwrap_or_default()).collect();
    assert_eq!(slugs, ["enbek", "dsm", "edu", "minfin", "astana"]);
    assert_eq!(items[0]["kind"], "ministry");
    assert_eq!(items[4]["kind"], "akimat");
    assert_eq!(items[0]["name"]["kk"], "Қазақстан Республикасы Еңбек және халықты әлеуметтік қорғау министрлігі");
    assert_eq!(items[4]["name"]["ru"], "Акимат города Астаны");
    assert_eq!(items[1]["name"]["en"], "Ministry of Health of the Republic of Kazakhstan");
}

async fn a_body_comes_with_its_head_departments_and_categories(app: &TestApp) {
    let res = app.get("/api/v1/bodies/enbek").await;
    assert_eq!(res.status, 200);
    let body = res.json();
    assert_eq!(body["slug"], "enbek");
    assert_eq!(
        body["head"]["position"]["en"],
        "Minister of Labour and Social Protection of the Population of the Republic of Kazakhstan"
    );
    let codes: Vec<&str> = body["categories"]
        .as_array()
        .expect("categories")
        .iter()
        .map(|c| c["code"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(
        codes,
        ["labour-relations", "employment", "medical-social-expertise", "pensions", "social-security", "disability"]
    );
    assert_eq!(body["categories"][3]["name"]["kk"], "Зейнетақымен қамсыздандыру");
    assert_eq!(body["departments"].as_array().map(Vec::len), Some(3));
    assert!(body["departments"][0]["id"].as_i64().is_some());
}

async fn an_unknown_body_is_a_404_with_an_error_code(app: &TestApp) {
    let res = app.get("/api/v1/bodies/no-such-body").await;
    assert_eq!(res.status, 404);
    assert_eq!(res.json()["code"], "body_not_found");
    assert!(res.header("content-type").starts_with("application/json"));
}

async fn a_slug_that_cannot_exist_is_a_404_too(app: &TestApp) {
    for uri in ["/api/v1/bodies/ENBEK", "/api/v1/bodies/%D0%B5%D0%BD%D0%B1%D0%B5%D0%BA", "/api/v1/bodies/a'--"] {
        let res = app.get(uri).await;
        assert_eq!(res.status, 404, "{uri}");
        assert_eq!(res.json()["code"], "body_not_found", "{uri}");
    }
}

async fn loading_the_demo_twice_adds_nothing(app: &TestApp) {
    assert!(!server::demo::load_if_empty(&app.db).await.expect("load"));
    assert_eq!(bodies::count(&app.db).await.expect("count"), 5);
}

async fn a_second_body_with_the_same_slug_is_refused(app: &TestApp) {
    let mut copy = server::demo::bodies().remove(0);
    copy.categories.clear();
    let err = bodies::insert(&app.db, &copy, 99).await.expect_err("slug is unique");
    assert!(err.as_database_error().is_some_and(|e| e.is_unique_violation()), "{err}");
    assert_eq!(bodies::count(&app.db).await.expect("count"), 5);
}

use crate::db::Db;
use crate::with_db;
use api::{Body, BodyKind, BodySlug, BodySummary, Category, CategoryId, Department, DepartmentId, Head, Localized};

/// The columns of [`BodyRow`], as a macro so statements stay string literals (sqlx 0.9 requires it).
macro_rules! body_columns {
    () => {
        "id, slug, kind, name_kk, name_ru, name_en, head_name_kk, head_name_ru, head_name_en, \
         head_position_kk, head_position_ru, head_position_en"
    };
}

#[derive(sqlx::FromRow)]
struct BodyRow {
    id: i64,
    slug: String,
    kind: String,
    name_kk: String,
    name_ru: String,
    name_en: String,
    head_name_kk: Option<String>,
    head_name_ru: Option<String>,
    head_name_en: Option<String>,
    head_position_kk: Option<String>,
    head_position_ru: Option<String>,
    head_position_en: Option<String>,
}

#[derive(sqlx::FromRow)]
struct NamedRow {
    id: i64,
    code: Option<String>,
    name_kk: String,
    name_ru: String,
    name_en: String,
}

/// A body as the demo loader and, later, the administrators create it.
#[derive(Debug, Clone, serde::Deserialize)]
pub struct NewBody {
    pub slug: BodySlug,
    pub kind: BodyKind,
    pub name: Localized,
    pub head: Option<Head>,
    pub departments: Vec<Localized>,
    pub categories: Vec<NewCategory>,
}

#[derive(Debug, Clone, serde::Deserialize)]
pub struct NewCategory {
    pub code: String,
    pub name: Localized,
    /// Words in kk and ru the category is recognised by, for the moderator's suggestion.
    #[serde(default)]
    pub keywords: String,
}

impl BodyRow {
    fn summary(&self) -> Result<BodySummary, sqlx::Error> {
        Ok(BodySummary { slug: parse_slug(&self.slug)?, kind: parse_kind(&self.kind)?, name: self.name() })
    }

    fn name(&self) -> Localized {
        Localized { kk: self.name_kk.clone(), ru: self.name_ru.clone(), en: self.name_en.clone() }
    }

    fn head(&self) -> Option<Head> {
        Some(Head {
            name: Localized {
                kk: self.head_name_kk.clone()?,
                ru: self.head_name_ru.clone()?,
                en: self.head_name_en.clone()?,
            },
            position: Localized {
                kk: self.head_position_kk.clone()?,
                ru: self.head_position_ru.clone()?,
                en: self.head_position_en.clone()?,
            },
        })
    }
}

impl NamedRow {
    fn name(&self) -> Localized {
        Localized { kk: self.name_kk.clone(), ru: self.name_ru.clone(), en: self.name_en.clone() }
    }
}

/// Stored values are checked again on the way out: a bad row is an internal error, not a bad page.
fn parse_slug(raw: &str) -> Result<BodySlug, sqlx::Error> {
    BodySlug::parse(raw).map_err(|e| sqlx::Error::Decode(format!("stored body slug {raw:?}: {e:?}").into()))
}

fn parse_kind(raw: &str) -> Result<BodyKind, sqlx::Error> {
    raw.parse().map_err(|()| sqlx::Error::Decode(format!("stored body kind {raw:?}").into()))
}

/// All bodies, in the order the site lists them.
pub async fn list(db: &Db) -> Result<Vec<BodySummary>, sqlx::Error> {
    const SQL: &str = concat!("SELECT ", body_columns!(), " FROM bodies ORDER BY sort_order, id");
    let rows: Vec<BodyRow> = with_db!(db, |pool| sqlx::query_as(SQL).fetch_all(pool).await)?;
    rows.iter().map(BodyRow::summary).collect()
}

/// One body with its head, departments and categories; `None` when no body has this slug.
pub async fn by_slug(db: &Db, slug: &BodySlug) -> Result<Option<Body>, sqlx::Error> {
    const SQL: &str = concat!("SELECT ", body_columns!(), " FROM bodies WHERE slug = $1");
    let row: Option<BodyRow> = with_db!(db, |pool| sqlx::query_as(SQL).bind(slug.as_str()).fetch_optional(pool).await)?;
    let Some(row) = row else { return Ok(None) };

    let departments: Vec<NamedRow> = with_db!(db, |pool| {
        sqlx::query_as(
            "SELECT id, NULL AS code, name_kk, name_ru, name_en FROM departments \
             WHERE body_id = $1 ORDER BY sort_order, id",
        )
        .bind(row.id)
        .fetch_all(pool)
        .await
    })?;
    let categories: Vec<NamedRow> = with_db!(db, |pool| {
        sqlx::query_as(
            "SELECT id, code, name_kk, name_ru, name_en FROM categories \
             WHERE body_id = $1 ORDER BY sort_order, id",
        )
        .bind(row.id)
        .fetch_all(pool)
        .await
    })?;

    let summary = row.summary()?;
    Ok(Some(Body {
        slug: summary.slug,
        kind: summary.kind,
        name: summary.name,
        head: row.head(),
        departments: departments.iter().map(|d| Department { id: DepartmentId(d.id), name: d.name() }).collect(),
        categories: categories
            .iter()
            .map(|c| Category { id: CategoryId(c.id), code: c.code.clone().unwrap_or_default(), name: c.name() })
            .collect(),
    }))
}

/// The internal id of the body with this slug.
pub async fn id_of(db: &Db, slug: &BodySlug) -> Result<Option<i64>, sqlx::Error> {
    with_db!(db, |pool| sqlx::query_scalar("SELECT id FROM bodies WHERE slug = $1")
        .bind(slug.as_str())
        .fetch_optional(pool)
        .await)
}

/// The body's slug and name, for a public page that links it.
pub async fn reference(db: &Db, body_id: i64) -> Result<Option<api::archive::BodyRef>, sqlx::Error> {
    const SQL: &str = concat!("SELECT ", body_columns!(), " FROM bodies WHERE id = $1");
    let row: Option<BodyRow> = with_db!(db, |pool| sqlx::query_as(SQL).bind(body_id).fetch_optional(pool).await)?;
    row.map(|r| r.summary().map(|s| api::archive::BodyRef { slug: s.slug, name: s.name })).transpose()
}

/// How many bodies there are; the demo loader only fills an empty database.
pub async fn count(db: &Db) -> Result<i64, sqlx::Error> {
    with_db!(db, |pool| sqlx::query_scalar("SELECT COUNT(*) FROM bodies").fetch_one(pool).await)
}

/// Creates a body with its departments and categories in one transaction.
pub async fn insert(db: &Db, body: &NewBody, sort_order: i32) -> Result<(), sqlx::Error> {
    with_db!(db, |pool| {
        let mut tx = pool.begin().await?;
        let head = body.head.as_ref();
        let pick = |f: fn(&Head) -> &Localized, lang: api::Lang| head.map(|h| f(h).get(lang).to_owned());
        let body_id: i64 = sqlx::query_scalar(
            "INSERT INTO bodies (slug, kind, name_kk, name_ru, name_en, head_name_kk, head_name_ru, head_name_en, \
             head_position_kk, head_position_ru, head_position_en, sort_order) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id",
        )
        .bind(body.slug.as_str())
        .bind(body.kind.as_str())
        .bind(&body.name.kk)
        .bind(&body.name.ru)
        .bind(&body.name.en)
        .bind(pick(|h| &h.name, api::Lang::Kk))
        .bind(pick(|h| &h.name, api::Lang::Ru))
        .bind(pick(|h| &h.name, api::Lang::En))
        .bind(pick(|h| &h.position, api::Lang::Kk))
        .bind(pick(|h| &h.position, api::Lang::Ru))
        .bind(pick(|h| &h.position, api::Lang::En))
        .bind(sort_order)
        .fetch_one(&mut *tx)
        .await?;
        for (i, d) in (0i32..).zip(&body.departments) {
            sqlx::query(
                "INSERT INTO departments (body_id, name_kk, name_ru, name_en, sort_order) VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(body_id)
            .bind(&d.kk)
            .bind(&d.ru)
            .bind(&d.en)
            .bind(i)
            .execute(&mut *tx)
            .await?;
        }
        for (i, c) in (0i32..).zip(&body.categories) {
            sqlx::query(
                "INSERT INTO categories (body_id, code, name_kk, name_ru, name_en, sort_order, keywords) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7)",
            )
            .bind(body_id)
            .bind(&c.code)
            .bind(&c.name.kk)
            .bind(&c.name.ru)
            .bind(&c.name.en)
            .bind(i)
            .bind(&c.keywords)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await
    })
}

#!/usr/bin/env bash
# Builds ledgers/pacte-coteaux-aussonne.jsonl, the example ledger of a FICTIONAL pact
# ("Pacte local des solidarités des Coteaux de l'Aussonne", territoire fictif), through
# the pacte-ledger tool only (init, record --data, and the flag-only forms).
#
# Every event has a fixed id (derived from a label) and a fixed --recorded timestamp,
# so running this script again gives a byte-identical file.
#
# Usage: bash ledgers/make-example.sh [PATH-TO-pacte-ledger]
#        (default: .build/debug/pacte-ledger, relative to the repository root)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$here")"
BIN="${1:-$repo/.build/debug/pacte-ledger}"
OUT="$here/pacte-coteaux-aussonne.jsonl"

if [[ ! -x "$BIN" ]]; then
    echo "make-example.sh: pacte-ledger binary not found or not executable: $BIN" >&2
    echo "  build it first (swift build) or pass its path as the first argument" >&2
    exit 2
fi

rm -f "$OUT"

SEC="secretariat@coteaux-aussonne.invalid"
DDETS="ddets31@exemple.invalid"

# uid LABEL: a deterministic, lowercase, UUID-v4-shaped id derived from sha256(label).
uid() {
    local h v
    h="$(printf '%s' "pacte-coteaux-aussonne/$1" | sha256sum | cut -c1-32)"
    v=$(( (16#${h:16:1} & 3) | 8 ))
    printf '%s-%s-4%s-%x%s-%s' "${h:0:8}" "${h:8:4}" "${h:13:3}" "$v" "${h:17:3}" "${h:20:12}"
}

# ev LABEL EFFECTIVE RECORDED BY COMMAND [ARGS…]: append one event through the tool.
ev() {
    local label="$1" effective="$2" recorded="$3" by="$4" command="$5"
    shift 5
    "$BIN" "$command" "$OUT" "$@" \
        --id "$(uid "$label")" --effective "$effective" --recorded "$recorded" --by "$by" >/dev/null
}

# rec LABEL EFFECTIVE RECORDED BY TYPE <<JSON: record an event whose data (JSON) is read
# from standard input (a here-document).
rec() {
    local data
    data="$(cat)"
    ev "$1" "$2" "$3" "$4" record "$5" --data "$data"
}

# ---------------------------------------------------------------------------------------
# 1. Drafting (November 2024 – January 2025)
# ---------------------------------------------------------------------------------------

ev pact.drafted 2024-11-18 2024-11-18T09:30:00Z "$SEC" init \
    --pact pacte-coteaux-aussonne-2025 \
    --title "Pacte local des solidarités des Coteaux de l'Aussonne 2025-2026 (territoire fictif, exemple)" \
    --territory "Communauté de communes des Coteaux de l'Aussonne (fictive)" \
    --department 31 \
    --commune 31901 --commune 31902 --commune 31903 --commune 31904 --commune 31905 \
    --commune 31906 --commune 31907 --commune 31908 --commune 31909 \
    --porteur cc-coteaux \
    --porteur-name "Communauté de communes des Coteaux de l'Aussonne" \
    --porteur-kind epci \
    --porteur-body "conseil communautaire" \
    --signatory "Martine Castéra" --role "Présidente" \
    --start 2025-01-01 --end 2026-10-31 \
    --context "Article 1 – Contexte. Territoire fictif, exemple : la Communauté de communes des Coteaux de l'Aussonne, ses neuf communes et tous les chiffres cités sont inventés pour illustrer l'outil. Intercommunalité périurbaine de 23 400 habitants au nord-ouest de l'agglomération toulousaine, le territoire cumule une croissance démographique rapide et des fragilités concentrées : taux de pauvreté de 13,9 % (11,2 % pour la moyenne des EPCI comparables), 21 % des moins de 18 ans vivant sous le seuil de pauvreté, 17 % de familles monoparentales, un chômage des 16-25 ans supérieur de quatre points à la moyenne départementale et un accès aux services publics rendu difficile par l'absence de transports en commun hors de la ville-centre. Le présent pacte décline localement le Pacte des solidarités national et la stratégie régionale du commissaire à la lutte contre la pauvreté d'Occitanie ; les éléments détaillés figurent aux annexes 1 à 4." \
    --ambition "Article 2 – Objet, ambition et durée. La convention engage ses signataires à réduire la pauvreté des enfants et des familles monoparentales et à ramener vers l'emploi les jeunes éloignés du marché du travail, en mobilisant d'abord le droit commun de chaque partenaire et, en complément, les crédits dédiés du pacte. Elle s'attache à aller vers les habitants des communes rurales du territoire et à associer les personnes concernées à la conception, à la mise en œuvre et à l'évaluation des actions. Elle est conclue du 1er janvier 2025 au 31 octobre 2026." \
    --governance-body "Comité de pilotage du pacte" \
    --governance-attached-to "comité de pilotage de la Convention territoriale globale" \
    --revision "Article 5 – Adhésion et révision. Tout organisme qui souhaite rejoindre le pacte y adhère par avenant. La convention est révisée par avenant signé de l'ensemble des partenaires, après délibération de leurs instances statutaires lorsqu'elles existent. Toute prorogation d'une action fait l'objet d'une demande expresse auprès de la DDETS et d'un avenant précisant le nouveau calendrier."

rec join.ddets-31 2024-11-25 2024-11-25T10:05:00Z "$SEC" partner.joined <<'JSON'
{
  "partner": {"id": "ddets-31", "name": "État – Direction départementale de l'emploi, du travail et des solidarités de la Haute-Garonne", "kind": "state",
              "signatory": {"name": "Pierre-Alain Vergnes", "role": "Préfet de la Haute-Garonne"}},
  "via": "initial"
}
JSON

rec join.cd-31 2024-11-27 2024-11-27T14:20:00Z "$SEC" partner.joined <<'JSON'
{
  "partner": {"id": "cd-31", "name": "Conseil départemental de la Haute-Garonne", "kind": "department", "statutoryBody": "commission permanente",
              "signatory": {"name": "Jean-Marc Soulé", "role": "Président du conseil départemental"}},
  "via": "initial"
}
JSON

rec join.caf-31 2024-11-28 2024-11-28T09:45:00Z "$SEC" partner.joined <<'JSON'
{
  "partner": {"id": "caf-31", "name": "Caisse d'allocations familiales de la Haute-Garonne", "kind": "caf", "statutoryBody": "conseil d'administration",
              "signatory": {"name": "Sophie Delmas", "role": "Directrice"}},
  "via": "initial"
}
JSON

rec join.ft-occitanie 2024-12-02 2024-12-02T10:15:00Z "$SEC" partner.joined <<'JSON'
{
  "partner": {"id": "ft-occitanie", "name": "France Travail Occitanie", "kind": "france-travail",
              "signatory": {"name": "Karim Benali", "role": "Directeur territorial de la Haute-Garonne"}},
  "via": "initial"
}
JSON

rec join.asso-relais 2024-12-03 2024-12-03T15:00:00Z "$SEC" partner.joined <<'JSON'
{
  "partner": {"id": "asso-relais", "name": "Association Le Relais des Coteaux", "kind": "association", "statutoryBody": "conseil d'administration",
              "signatory": {"name": "Hélène Marty", "role": "Présidente"}},
  "via": "initial"
}
JSON

rec join.asso-epicerie 2024-12-04 2024-12-04T09:10:00Z "$SEC" partner.joined <<'JSON'
{
  "partner": {"id": "asso-epicerie", "name": "Association Épicerie solidaire La Coccinelle", "kind": "association", "statutoryBody": "conseil d'administration",
              "signatory": {"name": "Bernard Lacaze", "role": "Président"}},
  "via": "initial"
}
JSON

rec priority.P1 2024-12-10 2024-12-10T13:30:00Z "$SEC" priority.set <<'JSON'
{
  "priorityId": "P1",
  "title": "Prévenir la pauvreté des enfants et soutenir les familles monoparentales",
  "rationale": "Un enfant sur cinq vit sous le seuil de pauvreté sur le territoire et 17 % des familles sont monoparentales, dont près de la moitié sous le seuil de pauvreté ; l'offre d'accueil parents-enfants est concentrée dans la ville-centre et les familles des communes rurales, souvent sans véhicule, n'y ont pas accès.",
  "sources": ["INSEE, panorama de la pauvreté du 3 octobre 2023, données territoriales (chiffres fictifs)", "Diagnostic départemental de la DDETS de la Haute-Garonne, 2024", "Convention territoriale globale 2023-2027, diagnostic partagé CAF / intercommunalité"],
  "publics": ["children", "single-parent-families"]
}
JSON

rec priority.P2 2024-12-10 2024-12-10T13:35:00Z "$SEC" priority.set <<'JSON'
{
  "priorityId": "P2",
  "title": "Insertion professionnelle des jeunes",
  "rationale": "Le taux de chômage des 16-25 ans dépasse de quatre points la moyenne départementale ; 180 jeunes sans emploi ni formation sont connus de la mission locale, dont un tiers sans permis de conduire dans un territoire mal desservi.",
  "sources": ["INSEE, recensement de la population 2021, exploitation complémentaire (chiffres fictifs)", "France Travail Occitanie, demandeurs d'emploi de moins de 26 ans, décembre 2023"],
  "publics": ["youth"]
}
JSON

rec priority.P3 2024-12-10 2024-12-10T13:40:00Z "$SEC" priority.set <<'JSON'
{
  "priorityId": "P3",
  "title": "Accès aux droits et lutte contre le non-recours",
  "rationale": "Le non-recours aux prestations (prime d'activité, complémentaire santé solidaire) est estimé élevé dans les communes éloignées de la ville-centre, faute de points d'accueil de proximité.",
  "sources": ["CAF de la Haute-Garonne, taux de couverture des allocataires 2023", "Diagnostic départemental de la DDETS de la Haute-Garonne, 2024"],
  "publics": ["excluded", "working-poor"]
}
JSON

rec priority.P3.withdrawn 2025-01-10 2025-01-10T10:00:00Z "$SEC" priority.withdrawn <<'JSON'
{
  "priorityId": "P3",
  "reason": "Regroupement décidé en comité technique du 10 janvier 2025 : l'accès aux droits est intégré à la priorité P1, l'accueil itinérant des familles servant aussi de point d'accès aux droits dans les communes rurales."
}
JSON

rec priority.P1.merged 2025-01-10 2025-01-10T10:05:00Z "$SEC" priority.set <<'JSON'
{
  "priorityId": "P1",
  "title": "Prévenir la pauvreté des enfants et soutenir les familles monoparentales",
  "rationale": "Un enfant sur cinq vit sous le seuil de pauvreté sur le territoire et 17 % des familles sont monoparentales, dont près de la moitié sous le seuil de pauvreté ; l'offre d'accueil parents-enfants est concentrée dans la ville-centre et les familles des communes rurales, souvent sans véhicule, n'y ont pas accès. Depuis le regroupement avec l'ancienne priorité P3, la priorité couvre aussi l'accès aux droits de ces familles, dont le non-recours est estimé élevé.",
  "sources": ["INSEE, panorama de la pauvreté du 3 octobre 2023, données territoriales (chiffres fictifs)", "Diagnostic départemental de la DDETS de la Haute-Garonne, 2024", "Convention territoriale globale 2023-2027, diagnostic partagé CAF / intercommunalité", "CAF de la Haute-Garonne, taux de couverture des allocataires 2023"],
  "publics": ["children", "single-parent-families"]
}
JSON

rec action.A1 2025-01-13 2025-01-13T09:00:00Z "$SEC" action.added <<'JSON'
{
  "sheet": {
    "actionId": "A1",
    "priorityId": "P1",
    "title": "Accueil parents-enfants itinérant",
    "summary": "Un lieu d'accueil enfants-parents itinérant, installé chaque semaine dans quatre communes rurales, offre aux parents d'enfants de 0 à 6 ans un temps d'échange et de jeu encadré par deux accueillantes, ainsi qu'une permanence d'accès aux droits (CAF, CPAM, aides sociales).",
    "objectives": ["Rompre l'isolement des familles monoparentales des communes rurales", "Soutenir la parentalité et le développement des jeunes enfants", "Ouvrir les droits non recourus des familles accueillies"],
    "perimeter": "Quatre communes rurales de l'intercommunalité (codes 31903, 31905, 31907, 31909), par rotation hebdomadaire",
    "publics": ["children", "single-parent-families"],
    "measure": 2,
    "localJustification": null,
    "schedule": {"start": "2025-09-15", "end": "2026-07-10", "milestones": [
      {"date": "2025-09-15", "label": "Première tournée dans les quatre communes"},
      {"date": "2026-01-15", "label": "Bilan d'étape présenté au comité de pilotage"},
      {"date": "2026-07-10", "label": "Dernière séance et évaluation avec le groupe témoin"}]},
    "partners": [
      {"partnerId": "cc-coteaux", "role": "Porteur de l'action : recrutement des accueillantes, locaux, coordination"},
      {"partnerId": "caf-31", "role": "Cofinancement au titre de la CTG, permanences d'accès aux droits"},
      {"partnerId": "ddets-31", "role": "Financement dédié du pacte (crédits État)"}],
    "funding": [
      {"partnerId": "ddets-31", "year": 2025, "amountCents": 2000000, "source": "BOP 304 action 23", "basis": "dedicated"},
      {"partnerId": "cc-coteaux", "year": 2025, "amountCents": 1200000, "source": "Budget général", "basis": "dedicated"},
      {"partnerId": "caf-31", "year": 2025, "amountCents": 1000000, "source": "Fonds publics et territoires (CTG)", "basis": "common-law-contracted"}],
    "inKind": [
      {"partnerId": "cc-coteaux", "description": "Mise à disposition de salles communales et intercommunales dans les quatre communes", "valuationCents": 300000}],
    "indicators": [
      {"name": "Familles accompagnées", "unit": "familles", "target": 40},
      {"name": "Séances d'accueil organisées", "unit": "séances", "target": 70},
      {"name": "Droits ouverts à la suite d'une permanence", "unit": "dossiers", "target": 25}],
    "impact": {"indicator": "Part des parents accueillis déclarant un isolement moindre six mois après leur première venue", "baseline": "Mesurée à la première venue (questionnaire d'entrée)", "target": "60 %", "method": "Questionnaire court avant / après, construit avec le groupe témoin de parents"},
    "impactWaiver": null,
    "participation": {"controlGroup": true, "stages": ["design", "implementation", "evaluation"], "description": "Un groupe témoin de huit parents, dont cinq parents isolés, choisit les lieux et horaires des tournées, participe à l'animation d'une séance par mois et conduit l'évaluation finale avec l'équipe."},
    "participationSheet": false
  }
}
JSON

rec action.A2 2025-01-14 2025-01-14T09:00:00Z "$SEC" action.added <<'JSON'
{
  "sheet": {
    "actionId": "A2",
    "priorityId": "P2",
    "title": "Parcours jeunes vers l'emploi",
    "summary": "Un parcours de neuf mois associe repérage des jeunes sans emploi ni formation, accompagnement renforcé par un binôme conseiller France Travail / éducateur, aide au permis de conduire et immersions dans les entreprises du territoire.",
    "objectives": ["Repérer les jeunes sans emploi ni formation non suivis", "Lever les freins à la mobilité", "Conduire les jeunes vers un emploi ou une formation qualifiante"],
    "perimeter": "Ensemble des neuf communes de l'intercommunalité",
    "publics": ["youth"],
    "measure": 9,
    "localJustification": null,
    "schedule": {"start": "2025-10-01", "end": "2026-06-30", "milestones": [
      {"date": "2025-10-01", "label": "Entrée de la première cohorte"},
      {"date": "2026-02-01", "label": "Entrée de la seconde cohorte"},
      {"date": "2026-06-30", "label": "Sortie de parcours et bilan"}]},
    "partners": [
      {"partnerId": "cc-coteaux", "role": "Porteur de l'action : coordination, lien avec les entreprises"},
      {"partnerId": "ft-occitanie", "role": "Accompagnement intensif des jeunes par un conseiller dédié"},
      {"partnerId": "cd-31", "role": "Aides du fonds d'aide aux jeunes (permis, mobilité)"},
      {"partnerId": "ddets-31", "role": "Financement dédié du pacte (crédits État)"}],
    "funding": [
      {"partnerId": "ddets-31", "year": 2025, "amountCents": 1500000, "source": "BOP 304 action 23", "basis": "dedicated"},
      {"partnerId": "ft-occitanie", "year": 2025, "amountCents": 1000000, "source": "Accompagnement intensif des jeunes (droit commun France Travail)", "basis": "common-law-contracted"},
      {"partnerId": "cd-31", "year": 2025, "amountCents": 800000, "source": "Fonds d'aide aux jeunes (FAJ)", "basis": "common-law"}],
    "inKind": [],
    "indicators": [
      {"name": "Jeunes entrés en parcours", "unit": "jeunes", "target": 40},
      {"name": "Immersions en entreprise réalisées", "unit": "immersions", "target": 30},
      {"name": "Permis de conduire obtenus", "unit": "jeunes", "target": 12}],
    "impact": {"indicator": "Part des jeunes en emploi ou en formation qualifiante six mois après la sortie du parcours", "baseline": "22 % (jeunes suivis par la mission locale en 2023)", "target": "50 %", "method": "Suivi de cohorte à six mois par France Travail"},
    "impactWaiver": null,
    "participation": {"controlGroup": false, "stages": ["implementation", "evaluation"], "description": "Deux jeunes par cohorte participent au comité de suivi du parcours et au bilan."},
    "participationSheet": false
  }
}
JSON

rec action.A3 2025-01-15 2025-01-15T09:00:00Z "$SEC" action.added <<'JSON'
{
  "sheet": {
    "actionId": "A3",
    "priorityId": "P1",
    "title": "Participation des habitants au pacte",
    "summary": "Fiche-action participation : un comité des personnes concernées, animé par l'association Le Relais des Coteaux, est associé à toute la vie du pacte ; il siège au comité de pilotage et présente chaque année son avis sur les actions.",
    "objectives": ["Associer les personnes concernées à la conception, à la mise en œuvre et à l'évaluation du pacte", "Faire connaître le pacte aux habitants", "Recueillir l'avis des habitants sur chaque action"],
    "perimeter": "Ensemble des neuf communes de l'intercommunalité",
    "publics": ["single-parent-families", "youth", "other:habitants en situation de précarité"],
    "measure": null,
    "localJustification": "La participation des personnes concernées est une exigence transversale du pacte (fiche-action spécifique demandée par la note régionale) ; elle ne relève pas d'une mesure particulière du pacte national.",
    "schedule": {"start": "2025-09-15", "end": "2026-10-31", "milestones": [
      {"date": "2025-10-15", "label": "Installation du comité des personnes concernées"},
      {"date": "2025-12-09", "label": "Premier avis présenté au comité de pilotage"},
      {"date": "2026-10-15", "label": "Avis final sur le pacte"}]},
    "partners": [
      {"partnerId": "cc-coteaux", "role": "Porteur : financement de l'animation et défraiement des participants"},
      {"partnerId": "asso-relais", "role": "Animation du comité par des bénévoles formés"}],
    "funding": [
      {"partnerId": "cc-coteaux", "year": 2025, "amountCents": 500000, "source": "Budget général", "basis": "dedicated"},
      {"partnerId": "cc-coteaux", "year": 2026, "amountCents": 500000, "source": "Budget général", "basis": "dedicated"}],
    "inKind": [
      {"partnerId": "asso-relais", "description": "Animation bénévole du comité des personnes concernées (environ 150 heures par an)", "valuationCents": 250000}],
    "indicators": [
      {"name": "Réunions du comité des personnes concernées", "unit": "réunions", "target": 8},
      {"name": "Participants réguliers", "unit": "personnes", "target": 12},
      {"name": "Avis rendus au comité de pilotage", "unit": "avis", "target": 2}],
    "impact": null,
    "impactWaiver": "L'action porte sur la gouvernance du pacte et non sur la situation des personnes : son effet propre sur le public cible ne peut pas être isolé de celui des autres actions ; seul un bilan qualitatif est prévu.",
    "participation": {"controlGroup": false, "stages": ["design", "implementation", "evaluation"], "description": "Le comité des personnes concernées, ouvert à tout habitant, est consulté à chaque étape du pacte et deux de ses membres siègent au comité de pilotage."},
    "participationSheet": true
  }
}
JSON

rec draft.presented 2025-01-16 2025-01-16T15:30:00Z "$SEC" draft.presented <<'JSON'
{
  "attendees": ["cc-coteaux", "ddets-31", "cd-31", "caf-31", "ft-occitanie", "asso-relais", "asso-epicerie"],
  "stateServiceInvited": true,
  "commissionerInvited": true
}
JSON

rec annex.1 2025-01-20 2025-01-20T09:30:00Z "$SEC" annex.attached <<'JSON'
{
  "annex": 1,
  "title": "Données INSEE sur les fragilités du territoire des Coteaux de l'Aussonne",
  "source": "INSEE, panorama du 3 octobre 2023, synthèse en une page (chiffres fictifs)",
  "uri": "https://coteaux-aussonne.invalid/pacte/annexe-1-donnees-insee.pdf"
}
JSON

rec annex.2 2025-01-21 2025-01-21T09:30:00Z "$SEC" annex.attached <<'JSON'
{
  "annex": 2,
  "title": "Éléments du diagnostic départemental particulièrement pertinents pour le territoire des Coteaux de l'Aussonne",
  "source": "DDETS de la Haute-Garonne, diagnostic départemental 2024",
  "uri": "https://coteaux-aussonne.invalid/pacte/annexe-2-diagnostic-departemental.pdf"
}
JSON

rec annex.3 2025-01-22 2025-01-22T09:30:00Z "$SEC" annex.attached <<'JSON'
{
  "annex": 3,
  "title": "Plans et schémas régionaux, départementaux et locaux ayant permis d'élaborer les priorités",
  "source": "Secrétariat du pacte (schéma départemental des services aux familles, CTG 2023-2027, contrat local de santé)",
  "uri": "https://coteaux-aussonne.invalid/pacte/annexe-3-plans-et-schemas.pdf"
}
JSON

rec annex.4 2025-01-23 2025-01-23T09:30:00Z "$SEC" annex.attached <<'JSON'
{
  "annex": 4,
  "title": "Offre existante et travaux en cours des signataires dans les domaines du pacte",
  "source": "Diagnostic territorial de la CTG, data.inclusion et Soliguide (extraction décembre 2024)",
  "uri": "https://coteaux-aussonne.invalid/pacte/annexe-4-offre-existante.pdf"
}
JSON

rec annex.5 2025-01-28 2025-01-28T09:30:00Z "$SEC" annex.attached <<'JSON'
{
  "annex": 5,
  "title": "Fiches-action du pacte local",
  "source": "Secrétariat du pacte, fiches A1 à A3",
  "uri": "https://coteaux-aussonne.invalid/pacte/annexe-5-fiches-action.pdf"
}
JSON

rec draft.submitted 2025-01-30 2025-01-30T10:00:00Z "$SEC" draft.submitted <<'JSON'
{
  "to": ["DDETS de la Haute-Garonne", "Commissaire à la lutte contre la pauvreté d'Occitanie"]
}
JSON

rec withdraw.asso-epicerie 2025-02-10 2025-02-10T11:00:00Z "$SEC" partner.withdrew <<'JSON'
{
  "partnerId": "asso-epicerie",
  "reason": "Fusion de l'association dans l'association Le Relais des Coteaux, qui reprend l'épicerie solidaire et ses bénévoles ; le Relais reste partenaire du pacte."
}
JSON

rec draft.validated 2025-02-20 2025-02-20T14:00:00Z "$DDETS" draft.validated <<'JSON'
{
  "validatedBy": "DDETS de la Haute-Garonne",
  "remarks": "Projet validé après échange avec le commissaire à la lutte contre la pauvreté. Points d'attention : respecter le calendrier des crédits État (année civile, démarrage après signature) et préciser la méthode de mesure d'impact de l'action A2 dans le premier bilan."
}
JSON

# ---------------------------------------------------------------------------------------
# 2. Convention: signature path (February – September 2025)
# ---------------------------------------------------------------------------------------

rec signature.requested.convention 2025-02-24 2025-02-24T09:30:00Z "$SEC" signature.requested <<'JSON'
{
  "document": "convention",
  "partners": ["cc-coteaux", "ddets-31", "cd-31", "caf-31", "ft-occitanie", "asso-relais"],
  "targetMonths": 6
}
JSON

ev approve.convention.cc-coteaux 2025-03-06 2025-03-06T15:30:00Z "$SEC" approve \
    --partner cc-coteaux --body "conseil communautaire" \
    --reference "Délibération n° 2025-03-06-013"

ev commit.2025.cc-coteaux 2025-03-06 2025-03-06T15:35:00Z "$SEC" commit \
    --partner cc-coteaux --year 2025 --body "conseil communautaire" \
    --reference "Délibération n° 2025-03-06-014" \
    --line "A1:12000:dedicated:Budget général" \
    --line "A3:5000:dedicated:Budget général" \
    --in-kind "A1:3000:Mise à disposition de salles communales et intercommunales dans les quatre communes"

ev sign.convention.cc-coteaux 2025-03-10 2025-03-10T10:00:00Z "$SEC" sign \
    --partner cc-coteaux --signatory "Martine Castéra" --role "Présidente"

ev sign.convention.ddets-31 2025-03-14 2025-03-14T11:00:00Z "$DDETS" sign \
    --partner ddets-31 --signatory "Pierre-Alain Vergnes" --role "Préfet de la Haute-Garonne"

ev commit.2025.ddets-31 2025-03-20 2025-03-20T10:30:00Z "$DDETS" commit \
    --partner ddets-31 --year 2025 --body "Préfet de la Haute-Garonne" \
    --reference "Arrêté préfectoral attributif de subvention n° 31-2025-03-20-00412" \
    --line "A1:20000:dedicated:BOP 304 action 23" \
    --line "A2:15000:dedicated:BOP 304 action 23"

# CAF: vote of 15 April and signature of 28 April, both recorded late on 2 May.
ev approve.convention.caf-31 2025-04-15 2025-05-02T09:00:00Z "$SEC" approve \
    --partner caf-31 --body "conseil d'administration" \
    --reference "Délibération du conseil d'administration n° 2025-27"

ev commit.2025.caf-31 2025-04-15 2025-05-02T09:05:00Z "$SEC" commit \
    --partner caf-31 --year 2025 --body "conseil d'administration" \
    --reference "Délibération du conseil d'administration n° 2025-28" \
    --line "A1:10000:common-law-contracted:Fonds publics et territoires (CTG)"

ev sign.convention.caf-31 2025-04-28 2025-05-02T09:10:00Z "$SEC" sign \
    --partner caf-31 --signatory "Sophie Delmas" --role "Directrice"

ev commit.2025.ft-occitanie 2025-05-05 2025-05-05T10:00:00Z "$SEC" commit \
    --partner ft-occitanie --year 2025 --body "Direction territoriale France Travail de la Haute-Garonne" \
    --reference "Décision d'engagement DT31-2025-018" \
    --line "A2:10000:common-law-contracted:Accompagnement intensif des jeunes (droit commun France Travail)"

ev sign.convention.ft-occitanie 2025-05-05 2025-05-05T10:05:00Z "$SEC" sign \
    --partner ft-occitanie --signatory "Karim Benali" --role "Directeur territorial de la Haute-Garonne"

# Le Relais: vote of 12 June and signature of 20 June, recorded late on 30 June.
ev approve.convention.asso-relais 2025-06-12 2025-06-30T08:30:00Z "$SEC" approve \
    --partner asso-relais --body "conseil d'administration" \
    --reference "Procès-verbal du conseil d'administration du 12 juin 2025"

ev sign.convention.asso-relais 2025-06-20 2025-06-30T08:35:00Z "$SEC" sign \
    --partner asso-relais --signatory "Hélène Marty" --role "Présidente"

# Département: vote of 1 September and signature of 8 September, recorded late on
# 15 September. The convention enters into force on 8 September 2025, after the
# six-month target (24 August 2025): cd-31 was late.
ev approve.convention.cd-31 2025-09-01 2025-09-15T09:00:00Z "$SEC" approve \
    --partner cd-31 --body "commission permanente" \
    --reference "Délibération de la commission permanente n° CP-2025-09-01/112"

ev commit.2025.cd-31 2025-09-01 2025-09-15T09:05:00Z "$SEC" commit \
    --partner cd-31 --year 2025 --body "commission permanente" \
    --reference "Délibération de la commission permanente n° CP-2025-09-01/113" \
    --line "A2:8000:common-law:Fonds d'aide aux jeunes (FAJ)"

ev sign.convention.cd-31 2025-09-08 2025-09-15T09:10:00Z "$SEC" sign \
    --partner cd-31 --signatory "Jean-Marc Soulé" --role "Président du conseil départemental"

# ---------------------------------------------------------------------------------------
# 3. Life of the pact (December 2025 – June 2026)
# ---------------------------------------------------------------------------------------

ev governance.2025-12-09 2025-12-09 2025-12-09T15:00:00Z "$SEC" meeting \
    --body "Comité de pilotage du pacte" \
    --attendee cc-coteaux --attendee ddets-31 --attendee cd-31 --attendee caf-31 \
    --attendee ft-occitanie --attendee asso-relais \
    --decision "Premier bilan des actions A1, A2 et A3 présenté ; fiches-action actualisées" \
    --decision "Engagements prévisionnels 2026 présentés : reconduction du financement intercommunal de l'action A3" \
    --decision "Avis du comité des personnes concernées pris en compte : ajout d'une tournée le samedi matin pour l'action A1" \
    --commitments-year 2026 \
    --reviewed A1 --reviewed A2 --reviewed A3 \
    --next-meeting 2026-06-25

# Reported on Saturday 10 January 2026 (effective), entered on Monday 12 January.
rec indicator.A1.2025 2026-01-10 2026-01-12T09:15:00Z "$SEC" indicator.reported <<'JSON'
{
  "actionId": "A1",
  "indicator": "Familles accompagnées",
  "period": "2025",
  "value": 14,
  "note": "Du 15 septembre au 31 décembre 2025, quatre communes desservies."
}
JSON

rec correction.indicator.A1.2025 2026-01-22 2026-01-22T10:00:00Z "$SEC" correction.recorded <<JSON
{
  "target": "$(uid indicator.A1.2025)",
  "reason": "Erreur de dédoublonnage : en rapprochant les feuilles de présence des quatre communes, deux paires de familles homonymes avaient été comptées chacune comme une seule famille ; après vérification, 16 familles distinctes ont été accompagnées.",
  "replacement": {
    "actionId": "A1",
    "indicator": "Familles accompagnées",
    "period": "2025",
    "value": 16,
    "note": "Du 15 septembre au 31 décembre 2025, quatre communes desservies ; décompte corrigé le 22 janvier 2026."
  }
}
JSON

ev commit.2026.cc-coteaux 2026-01-29 2026-01-29T15:30:00Z "$SEC" commit \
    --partner cc-coteaux --year 2026 --body "conseil communautaire" \
    --reference "Délibération n° 2026-01-29-007 (budget primitif 2026)" \
    --line "A3:5000:dedicated:Budget général"

# Extension of A2 (prorogation), carried by amendment 1, which also admits the CPAM.
ev extension.A2 2026-03-02 2026-03-02T10:00:00Z "$SEC" request-extension \
    --action A2 --current-end 2026-06-30 --requested-end 2026-10-31 \
    --reason "Retard de recrutement du conseiller dédié (poste pourvu en décembre 2025 au lieu d'octobre) : la seconde cohorte n'a pu entrer qu'en mars 2026 et doit terminer son parcours de sept mois." \
    --requested-by cc-coteaux

rec amendment.1 2026-03-16 2026-03-16T10:00:00Z "$SEC" amendment.proposed <<'JSON'
{
  "number": 1,
  "purpose": "Avenant n° 1 : prorogation de l'action A2 « Parcours jeunes vers l'emploi » jusqu'au 31 octobre 2026 et adhésion de la Caisse primaire d'assurance maladie de la Haute-Garonne au pacte."
}
JSON

rec join.cpam-31 2026-03-16 2026-03-16T10:05:00Z "$SEC" partner.joined <<'JSON'
{
  "partner": {"id": "cpam-31", "name": "Caisse primaire d'assurance maladie de la Haute-Garonne", "kind": "cpam", "statutoryBody": "conseil",
              "signatory": {"name": "Thierry Fabre", "role": "Directeur général"}},
  "via": "adhesion",
  "amendment": 1
}
JSON

ev extension.A2.decision 2026-03-30 2026-03-30T14:00:00Z "$DDETS" decide-extension \
    --request "$(uid extension.A2)" --decision granted --new-end 2026-10-31 --amendment 1 \
    --reason "Retard justifié et sans surcoût pour l'État ; le nouveau calendrier est fixé par l'avenant n° 1."

rec amend.A2.schedule 2026-03-30 2026-03-30T14:10:00Z "$SEC" action.amended <<'JSON'
{
  "actionId": "A2",
  "changes": {"schedule": {"start": "2025-10-01", "end": "2026-10-31", "milestones": [
    {"date": "2025-10-01", "label": "Entrée de la première cohorte"},
    {"date": "2026-03-09", "label": "Entrée de la seconde cohorte (reportée)"},
    {"date": "2026-10-31", "label": "Sortie de parcours et bilan"}]}},
  "reason": "Prorogation accordée par la DDETS le 30 mars 2026 ; nouveau calendrier fixé par l'avenant n° 1.",
  "amendment": 1
}
JSON

rec signature.requested.amendment-1 2026-04-01 2026-04-01T09:30:00Z "$SEC" signature.requested <<'JSON'
{
  "document": "amendment-1",
  "partners": ["cc-coteaux", "ddets-31", "cd-31", "caf-31", "ft-occitanie", "asso-relais", "cpam-31"],
  "targetMonths": 6
}
JSON

ev approve.amendment-1.cc-coteaux 2026-04-09 2026-04-09T15:30:00Z "$SEC" approve \
    --partner cc-coteaux --document amendment-1 --body "conseil communautaire" \
    --reference "Délibération n° 2026-04-09-021"

ev sign.amendment-1.cc-coteaux 2026-04-14 2026-04-14T10:00:00Z "$SEC" sign \
    --partner cc-coteaux --document amendment-1 --signatory "Martine Castéra" --role "Présidente"

ev sign.amendment-1.ddets-31 2026-04-16 2026-04-16T11:00:00Z "$DDETS" sign \
    --partner ddets-31 --document amendment-1 --signatory "Pierre-Alain Vergnes" --role "Préfet de la Haute-Garonne"

ev approve.amendment-1.caf-31 2026-04-21 2026-04-21T14:30:00Z "$SEC" approve \
    --partner caf-31 --document amendment-1 --body "conseil d'administration" \
    --reference "Délibération du conseil d'administration n° 2026-19"

ev sign.amendment-1.caf-31 2026-04-27 2026-04-27T10:00:00Z "$SEC" sign \
    --partner caf-31 --document amendment-1 --signatory "Sophie Delmas" --role "Directrice"

ev sign.amendment-1.ft-occitanie 2026-04-30 2026-04-30T10:00:00Z "$SEC" sign \
    --partner ft-occitanie --document amendment-1 --signatory "Karim Benali" --role "Directeur territorial de la Haute-Garonne"

ev approve.amendment-1.cpam-31 2026-05-12 2026-05-12T14:00:00Z "$SEC" approve \
    --partner cpam-31 --document amendment-1 --body "conseil" \
    --reference "Délibération du conseil de la CPAM n° 2026-11"

# The CPAM's commitment for 2026, voted the same day as its approval of amendment 1.
ev commit.2026.cpam-31 2026-05-12 2026-05-12T14:05:00Z "$SEC" commit \
    --partner cpam-31 --year 2026 --body "conseil" \
    --reference "Délibération du conseil de la CPAM n° 2026-12" \
    --line "A2:3000:common-law:Fonds national de prévention, d'éducation et d'information sanitaires (accès aux droits)" \
    --in-kind "A2:2500:Permanences mensuelles d'un conseiller accès aux droits"

ev approve.amendment-1.asso-relais 2026-05-28 2026-05-28T14:00:00Z "$SEC" approve \
    --partner asso-relais --document amendment-1 --body "conseil d'administration" \
    --reference "Procès-verbal du conseil d'administration du 28 mai 2026"

ev sign.amendment-1.asso-relais 2026-06-04 2026-06-04T10:00:00Z "$SEC" sign \
    --partner asso-relais --document amendment-1 --signatory "Hélène Marty" --role "Présidente"

# CPAM: signature of 19 May, recorded late on 5 June.
ev sign.amendment-1.cpam-31 2026-05-19 2026-06-05T09:00:00Z "$SEC" sign \
    --partner cpam-31 --document amendment-1 --signatory "Thierry Fabre" --role "Directeur général"

ev approve.amendment-1.cd-31 2026-06-15 2026-06-15T14:00:00Z "$SEC" approve \
    --partner cd-31 --document amendment-1 --body "commission permanente" \
    --reference "Délibération de la commission permanente n° CP-2026-06-15/087"

# Last signature: amendment 1 is in force on 22 June 2026.
ev sign.amendment-1.cd-31 2026-06-22 2026-06-22T10:00:00Z "$SEC" sign \
    --partner cd-31 --document amendment-1 --signatory "Jean-Marc Soulé" --role "Président du conseil départemental"

ev governance.2026-06-25 2026-06-25 2026-06-25T15:00:00Z "$SEC" meeting \
    --body "Comité de pilotage du pacte" \
    --attendee cc-coteaux --attendee ddets-31 --attendee cd-31 --attendee caf-31 \
    --attendee ft-occitanie --attendee asso-relais --attendee cpam-31 \
    --decision "Entrée en vigueur de l'avenant n° 1 le 22 juin 2026 constatée ; calendrier de l'action A2 prorogé au 31 octobre 2026" \
    --decision "Engagements 2026 présentés ; fiches-action actualisées" \
    --decision "Bilan final du pacte à présenter au comité de clôture de novembre 2026" \
    --commitments-year 2026 \
    --reviewed A1 --reviewed A2 --reviewed A3

# ---------------------------------------------------------------------------------------
# 4. Closure (July – November 2026)
# ---------------------------------------------------------------------------------------

rec close.A1 2026-07-15 2026-07-15T10:00:00Z "$SEC" action.closed <<'JSON'
{
  "actionId": "A1",
  "outcome": "completed",
  "summary": "41 familles accompagnées (dont 23 familles monoparentales), 72 séances dans quatre communes, 27 ouvertures de droits à la suite des permanences. La CAF reprend l'accueil itinérant dans le droit commun de la CTG à compter de septembre 2026.",
  "impactResult": {"value": "58 %", "note": "Part des parents déclarant un isolement moindre à six mois (29 répondants sur 41) ; questionnaire conduit avec le groupe témoin."}
}
JSON

# A2 and A3 end on Saturday 31 October 2026; closures entered on Monday 2 November.
rec close.A2 2026-10-31 2026-11-02T09:30:00Z "$SEC" action.closed <<'JSON'
{
  "actionId": "A2",
  "outcome": "completed",
  "summary": "38 jeunes entrés en parcours sur deux cohortes, 31 immersions en entreprise, 11 permis de conduire obtenus. Résultat d'impact de la première cohorte ci-joint ; celui de la seconde cohorte, mesuré par France Travail six mois après sa sortie, sera présenté au comité de pilotage de la CTG en avril 2027.",
  "impactResult": {"value": "47 %", "note": "Part des jeunes de la première cohorte en emploi ou en formation qualifiante à la fin octobre 2026, quatre mois après leur sortie du parcours (9 jeunes sur 19) ; suivi de cohorte France Travail."}
}
JSON

rec close.A3 2026-10-31 2026-11-02T09:35:00Z "$SEC" action.closed <<'JSON'
{
  "actionId": "A3",
  "outcome": "completed",
  "summary": "Neuf réunions du comité des personnes concernées, 14 participants réguliers, deux avis présentés au comité de pilotage ; le comité est maintenu dans la gouvernance de la CTG."
}
JSON

rec pact.closed 2026-11-16 2026-11-16T15:00:00Z "$SEC" pact.closed <<'JSON'
{
  "reason": "term",
  "summary": "Pacte arrivé à son terme le 31 octobre 2026 (territoire fictif, exemple). Trois actions menées à bien, dont une prorogée par l'avenant n° 1 ; 80 000 € de crédits mobilisés en 2025 (dont 35 000 € de crédits État) et 5 000 € en 2026. Bilan final présenté au comité de pilotage du 16 novembre 2026."
}
JSON

echo "wrote $OUT"
